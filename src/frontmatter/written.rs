//! Numbers in free-form fields as the file writes them.
//!
//! YAML reads `0x4F3A2B`, `0o7654321`, `+12` and `1.50` as numbers, which
//! print as `5192235`, `2054353`, `12` and `1.5`: a door code staff would
//! read wrong on the playbook, and a private value `secrets` would look for
//! in a spelling nobody wrote. serde_yaml keeps no positions on its values,
//! but it hands a plain scalar read as a string over as written; so the
//! front matter is read once more, following the shape of the values
//! already read, and each number is replaced by its spelling when that
//! differs from how it would print.

use indexmap::IndexMap;
use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_yaml::Value;
use std::fmt;

/// Make the numbers of `values`, read from the top-level `key` of `yaml`,
/// strings as written. Anything that can't be followed stays as it was.
pub fn numbers_as_written(yaml: &str, key: &str, values: &mut IndexMap<String, Value>) {
    if !values.values().any(holds_number) {
        return;
    }
    let top = Top { key, values };
    let _ = top.deserialize(serde_yaml::Deserializer::from_str(yaml));
}

fn holds_number(value: &Value) -> bool {
    match value {
        Value::Number(_) => true,
        Value::Sequence(items) => items.iter().any(holds_number),
        Value::Mapping(map) => map.values().any(holds_number),
        Value::Tagged(t) => holds_number(&t.value),
        Value::Null | Value::Bool(_) | Value::String(_) => false,
    }
}

/// The front matter's top-level map, of which only `key` is followed.
struct Top<'v> {
    key: &'v str,
    values: &'v mut IndexMap<String, Value>,
}

impl<'de> DeserializeSeed<'de> for Top<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Top<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a map")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            if key == self.key {
                map.next_value_seed(Fields(&mut *self.values))?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(())
    }
}

/// A map of named values (`internal:`).
struct Fields<'v>(&'v mut IndexMap<String, Value>);

impl<'de> DeserializeSeed<'de> for Fields<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Fields<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a map")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            match self.0.get_mut(&key) {
                Some(value) => map.next_value_seed(Leaf(value))?,
                None => map.next_value::<IgnoredAny>().map(|_| ())?,
            }
        }
        Ok(())
    }
}

/// One value, read in the shape it was read before.
struct Leaf<'v>(&'v mut Value);

impl<'de> DeserializeSeed<'de> for Leaf<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        match self.0 {
            Value::Number(n) => {
                let written = String::deserialize(d)?;
                if written.trim() != n.to_string() {
                    *self.0 = Value::String(written.trim().to_string());
                }
                Ok(())
            }
            Value::Sequence(_) => d.deserialize_seq(self),
            Value::Mapping(_) => d.deserialize_map(self),
            // `!code 0x7E7E7E7E`: the tag changes nothing of how the value
            // is written, and serde_yaml reads past it for a string.
            Value::Tagged(t) => Leaf(&mut t.value).deserialize(d),
            _ => IgnoredAny::deserialize(d).map(|_| ()),
        }
    }
}

impl<'de> Visitor<'de> for Leaf<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list or a map")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let Value::Sequence(items) = self.0 else {
            return Ok(());
        };
        let mut items = items.iter_mut();
        loop {
            let more = match items.next() {
                Some(item) => seq.next_element_seed(Leaf(item))?.is_some(),
                None => seq.next_element::<IgnoredAny>()?.is_some(),
            };
            if !more {
                return Ok(());
            }
        }
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let Value::Mapping(entries) = self.0 else {
            return Ok(());
        };
        // Keys read as values resolve as they did the first time.
        while let Some(key) = map.next_key::<Value>()? {
            match entries.get_mut(&key) {
                Some(value) => map.next_value_seed(Leaf(value))?,
                None => map.next_value::<IgnoredAny>().map(|_| ())?,
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_their_spelling_at_any_depth() {
        let yaml = "name: X\ninternal:\n  door_code: 0x4F3A2B\n  pin: 0o7654321\n  \
            ext: 1234\n  codes: [0b101, +12, 7]\n  room:\n    floor: 1.50\n    desk: 0x1f\n  \
            phone: \"07700 900123\"\nlinks: {a: 0x10}\n";
        let mut values: IndexMap<String, Value> = serde_yaml::from_str::<serde_yaml::Mapping>(yaml)
            .unwrap()["internal"]
            .as_mapping()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.as_str().unwrap().to_string(), v.clone()))
            .collect();
        assert_eq!(values["door_code"], Value::from(5192235));
        numbers_as_written(yaml, "internal", &mut values);
        assert_eq!(values["door_code"], Value::from("0x4F3A2B"));
        assert_eq!(values["pin"], Value::from("0o7654321"));
        // Written as it prints: still a number.
        assert_eq!(values["ext"], Value::from(1234));
        let codes: Vec<Value> = vec!["0b101".into(), "+12".into(), 7.into()];
        assert_eq!(values["codes"], Value::Sequence(codes));
        assert_eq!(values["room"]["floor"], Value::from("1.50"));
        assert_eq!(values["room"]["desk"], Value::from("0x1f"));
        assert_eq!(values["phone"], Value::from("07700 900123"));
    }

    #[test]
    fn tagged_numbers_keep_their_spelling_too() {
        let yaml = "internal:\n  tagged: !code 0x7E7E7E7E\n  list: !codes [0x10, 16]\n";
        let mut values: IndexMap<String, Value> = serde_yaml::from_str::<serde_yaml::Mapping>(yaml)
            .unwrap()["internal"]
            .as_mapping()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.as_str().unwrap().to_string(), v.clone()))
            .collect();
        numbers_as_written(yaml, "internal", &mut values);
        let Value::Tagged(tagged) = &values["tagged"] else {
            panic!("{:?}", values["tagged"]);
        };
        assert_eq!(tagged.value, Value::from("0x7E7E7E7E"));
        let Value::Tagged(list) = &values["list"] else {
            panic!("{:?}", values["list"]);
        };
        assert_eq!(list.value, Value::Sequence(vec!["0x10".into(), 16.into()]));
    }
}
