//! [`Spanned`]: a value read from YAML with its place in the file, as the model's structs hold it.
//!
//! It is serde-saphyr's `Spanned` with the same fields (`value`, `referenced`, `defined`), read by
//! serde-saphyr's own code, plus what that type cannot have from outside its crate: a [`JsonSchema`],
//! the schema of the value itself, so that `#[derive(JsonSchema)]` works on the model's structs (see
//! [`super::schema`]). Every struct of the model uses this type; [`super::yaml::spanned_at`] turns it
//! into a span for a problem.

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_saphyr::Location;
use std::borrow::Cow;

/// A value with the place it was read from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Spanned<T> {
    /// The value.
    pub value: T,
    /// Where the value is written (for an alias, where the alias is).
    pub referenced: Location,
    /// Where the value is defined (for an alias, where its anchor is).
    pub defined: Location,
}

impl<T> From<serde_saphyr::Spanned<T>> for Spanned<T> {
    fn from(spanned: serde_saphyr::Spanned<T>) -> Self {
        Spanned {
            value: spanned.value,
            referenced: spanned.referenced,
            defined: spanned.defined,
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Spanned<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        serde_saphyr::Spanned::<T>::deserialize(deserializer).map(Spanned::from)
    }
}

impl<T: Serialize> Serialize for Spanned<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(serializer)
    }
}

/// The schema of the value: where a value was written is nothing the file says.
impl<T: JsonSchema> JsonSchema for Spanned<T> {
    fn inline_schema() -> bool {
        T::inline_schema()
    }

    fn schema_name() -> Cow<'static, str> {
        T::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        T::schema_id()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        T::json_schema(generator)
    }
}
