//! Look at each input once. Every Markdown body is surveyed as it is
//! loaded (`body`), in load's parallel pass, and every file in static/ has
//! its picture header read at the end of loading (`picture`). `check`,
//! search and rendering read these records: no body is parsed twice, pages
//! and link previews read no header again, and headings are named in one
//! place. (`images` still reads each picture it resizes whole: it needs
//! the bytes for its cache key and the decoder's orientation anyway.)
//!
//! ```text
//! load (+ survey) -> check -> select audience -> route -> render -> write
//! ```

pub mod body;
pub mod people;
pub mod picture;

pub use body::{Heading, Record, Text};
pub use picture::{Picture, Pictures};
