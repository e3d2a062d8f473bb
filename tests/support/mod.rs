#![allow(dead_code)]

pub mod corpus;
