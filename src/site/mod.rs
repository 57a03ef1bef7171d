//! Stage two: the public website, rendered with Tera into the output map.

use crate::diagnostics::Problems;
use crate::model::Project;
use crate::output::OutputMap;

/// Renders every page of the site.
pub fn render(_project: &Project) -> Result<OutputMap, Problems> {
    Ok(OutputMap::new())
}
