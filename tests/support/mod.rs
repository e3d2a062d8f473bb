#![allow(dead_code)]

pub mod corpus;
pub mod head;
pub mod site;
