//! Look at each input once. Every Markdown body is surveyed as it is
//! loaded (`body`), in load's parallel pass, and every file in static/ has
//! its picture header read at the end of loading (`picture`). `check`,
//! search, images and rendering read these records: no body is parsed
//! twice, no header read twice, and headings are named in one place.
//!
//! ```text
//! load (+ survey) -> check -> select audience -> route -> render -> write
//! ```

pub mod body;
pub mod picture;

pub use body::{Heading, Record, Text};
pub use picture::{Picture, Pictures};
