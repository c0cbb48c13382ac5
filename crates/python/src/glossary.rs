//! `bianyi.Glossary`: a termbase loaded, parsed, rendered and saved with
//! bianyi-glossary, and applied by a `Converter`.

use std::path::PathBuf;

use bianyi_glossary::{Columns, Format, Lang};
use pyo3::prelude::*;

use crate::errors::{glossary_error, io_error, value_error};

/// A concept-based glossary (termbase): entries, each with terms in
/// several languages. Load one with `Glossary.load(path)` (TOML, TSV, CSV
/// or TBX by extension), parse text with `Glossary.parse`, and apply it by
/// giving it to a `Converter` (`glossary=`).
#[pyclass(frozen, module = "bianyi", name = "Glossary", eq)]
#[derive(PartialEq)]
pub(crate) struct PyGlossary {
    pub(crate) inner: bianyi_glossary::Glossary,
}

/// A language tag, or `bianyi.GlossaryError`.
pub(crate) fn lang(py: Python<'_>, tag: &str) -> PyResult<Lang> {
    Lang::parse(tag).map_err(|kind| glossary_error(py, &bianyi_glossary::Error::new(kind)))
}

/// A format name (`toml`, `tsv`, `csv`, `tbx`).
fn format(py: Python<'_>, name: &str) -> PyResult<Format> {
    match name.to_ascii_lowercase().as_str() {
        "toml" => Ok(Format::Toml),
        "tsv" => Ok(Format::Tsv),
        "csv" => Ok(Format::Csv),
        "tbx" => Ok(Format::Tbx),
        _ => Err(value_error(
            py,
            "GlossaryError",
            format!("unknown glossary format {name:?} (toml, tsv, csv or tbx)"),
        )),
    }
}

/// The column languages of TSV and CSV, when both are given.
fn columns(
    py: Python<'_>,
    source_lang: Option<&str>,
    target_lang: Option<&str>,
) -> PyResult<Option<Columns>> {
    match (source_lang, target_lang) {
        (Some(s), Some(t)) => Ok(Some(Columns::new(lang(py, s)?, lang(py, t)?))),
        (None, None) => Ok(None),
        _ => Err(value_error(
            py,
            "GlossaryError",
            "give both source_lang and target_lang, or neither".to_string(),
        )),
    }
}

#[pymethods]
impl PyGlossary {
    /// Reads a glossary file: TOML, TSV, CSV or TBX, by `format` or the
    /// file's extension. TSV and CSV files without a header naming the
    /// languages need `source_lang` and `target_lang`.
    #[staticmethod]
    #[pyo3(signature = (path, format=None, *, source_lang=None, target_lang=None))]
    fn load(
        py: Python<'_>,
        path: PathBuf,
        format: Option<&str>,
        source_lang: Option<&str>,
        target_lang: Option<&str>,
    ) -> PyResult<PyGlossary> {
        let format = format.map(|f| self::format(py, f)).transpose()?;
        let cols = columns(py, source_lang, target_lang)?;
        let inner = py
            .detach(|| bianyi_glossary::Glossary::load(&path, format, cols.as_ref()))
            .map_err(|e| glossary_error(py, &e))?;
        Ok(PyGlossary { inner })
    }

    /// Reads a glossary from text in `format` (default TOML).
    #[staticmethod]
    #[pyo3(signature = (text, format="toml", *, source_lang=None, target_lang=None))]
    fn parse(
        py: Python<'_>,
        text: &str,
        format: &str,
        source_lang: Option<&str>,
        target_lang: Option<&str>,
    ) -> PyResult<PyGlossary> {
        let format = self::format(py, format)?;
        let cols = columns(py, source_lang, target_lang)?;
        let inner = bianyi_glossary::Glossary::parse(text, format, cols.as_ref())
            .map_err(|e| glossary_error(py, &e))?;
        Ok(PyGlossary { inner })
    }

    /// The glossary as text in `format` (default the canonical TOML).
    #[pyo3(signature = (format="toml", *, source_lang=None, target_lang=None))]
    fn render(
        &self,
        py: Python<'_>,
        format: &str,
        source_lang: Option<&str>,
        target_lang: Option<&str>,
    ) -> PyResult<String> {
        let format = self::format(py, format)?;
        let cols = columns(py, source_lang, target_lang)?;
        self.inner
            .render(format, cols.as_ref())
            .map_err(|e| glossary_error(py, &e))
    }

    /// Writes the glossary to `path` (format by `format` or extension),
    /// atomically: the file is replaced whole, or left as it was.
    #[pyo3(signature = (path, format=None, *, source_lang=None, target_lang=None))]
    fn save(
        &self,
        py: Python<'_>,
        path: PathBuf,
        format: Option<&str>,
        source_lang: Option<&str>,
        target_lang: Option<&str>,
    ) -> PyResult<()> {
        let format = match format {
            Some(f) => self::format(py, f)?,
            None => Format::from_path(&path).unwrap_or(Format::Toml),
        };
        let cols = columns(py, source_lang, target_lang)?;
        let text = self
            .inner
            .render(format, cols.as_ref())
            .map_err(|e| glossary_error(py, &e))?;
        bianyi_output::write(&path, text.as_bytes()).map_err(|e| io_error(py, &e, &path))
    }

    /// The entries, as the JSON objects `bianyi glossary list --json`
    /// writes (dicts with `id`, `terms`, …).
    fn entries<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let json = serde_json::to_string(&self.inner.entries)
            .map_err(|e| value_error(py, "Error", e.to_string()))?;
        py.import("json")?.call_method1("loads", (json,))
    }

    /// The language of the source column, if the glossary declares one.
    #[getter]
    fn source_lang(&self) -> Option<&str> {
        self.inner.source.as_ref().map(Lang::as_str)
    }

    /// The language of the target column, if the glossary declares one.
    #[getter]
    fn target_lang(&self) -> Option<&str> {
        self.inner.target.as_ref().map(Lang::as_str)
    }

    fn __len__(&self) -> usize {
        self.inner.entries.len()
    }

    fn __repr__(&self) -> String {
        format!(
            "<bianyi.Glossary: {} entries, {} terms>",
            self.inner.entries.len(),
            self.inner.term_count()
        )
    }
}
