//! Path templates: `out/{target}/{path}`.

use std::ops::Range;

/// A path template. Variables: `{target}` (the target's tag), `{path}`
/// (the input's path in the project), `{dir}` (its folder), `{name}` (its
/// file name), `{stem}` (the name up to its first dot), `{ext}` (the
/// extension after the last dot).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Template {
    text: String,
    parts: Vec<Part>,
    /// Where it is written in the project file.
    pub(crate) span: Range<usize>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Part {
    Text(String),
    Var(Var),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Var {
    Target,
    Path,
    Dir,
    Name,
    Stem,
    Ext,
}

impl Template {
    /// Parses `text`; `Err` on an unknown variable, an unclosed brace, an
    /// absolute path or `..`.
    pub(crate) fn parse(text: &str, span: Range<usize>) -> Result<Template, ()> {
        if text.starts_with(['/', '\\']) {
            return Err(());
        }
        let mut parts = Vec::new();
        let mut rest = text;
        while let Some(open) = rest.find(['{', '}']) {
            if rest[open..].starts_with('}') {
                return Err(());
            }
            if open > 0 {
                parts.push(Part::Text(rest[..open].to_string()));
            }
            let close = rest[open..].find('}').ok_or(())? + open;
            let var = match &rest[open + 1..close] {
                "target" => Var::Target,
                "path" => Var::Path,
                "dir" => Var::Dir,
                "name" => Var::Name,
                "stem" => Var::Stem,
                "ext" => Var::Ext,
                _ => return Err(()),
            };
            parts.push(Part::Var(var));
            rest = &rest[close + 1..];
        }
        if !rest.is_empty() {
            parts.push(Part::Text(rest.to_string()));
        }
        let t = Template {
            text: text.to_string(),
            parts,
            span,
        };
        // A template must name each input apart and stay in the project.
        if !t
            .parts
            .iter()
            .any(|p| matches!(p, Part::Var(Var::Path | Var::Name | Var::Stem)))
        {
            return Err(());
        }
        t.render("x/y.z", "zh-TW").ok_or(())?;
        Ok(t)
    }

    /// The template as written.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    pub(crate) fn uses_target(&self) -> bool {
        self.parts.contains(&Part::Var(Var::Target))
    }

    /// The path for input `path` (relative, `/`-separated) and `target`;
    /// `None` if it would leave the project.
    pub fn render(&self, path: &str, target: &str) -> Option<String> {
        let (dir, name) = match path.rfind('/') {
            Some(k) => (&path[..k], &path[k + 1..]),
            None => ("", path),
        };
        let stem = name.split('.').next().unwrap_or(name);
        let ext = match name.rfind('.') {
            Some(k) if k > 0 => &name[k + 1..],
            _ => "",
        };
        let mut out = String::new();
        for p in &self.parts {
            match p {
                Part::Text(t) => out.push_str(t),
                Part::Var(Var::Target) => out.push_str(target),
                Part::Var(Var::Path) => out.push_str(path),
                Part::Var(Var::Dir) => out.push_str(dir),
                Part::Var(Var::Name) => out.push_str(name),
                Part::Var(Var::Stem) => out.push_str(stem),
                Part::Var(Var::Ext) => out.push_str(ext),
            }
        }
        // An empty {dir} leaves a leading `/` (`{dir}/{name}` at the root).
        clean(out.trim_start_matches('/'))
    }
}

/// `path` with empty and `.` components dropped and `/` separators;
/// `None` if it is absolute, empty or climbs with `..`.
pub(crate) fn clean(path: &str) -> Option<String> {
    if path.starts_with('/') || path.starts_with('\\') || path.contains(':') {
        return None;
    }
    let mut parts = Vec::new();
    for c in path.split(['/', '\\']) {
        match c {
            "" | "." => {}
            ".." => return None,
            c => parts.push(c),
        }
    }
    if parts.is_empty() {
        return None;
    }
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_render_each_variable() {
        let t = Template::parse("out/{target}/{dir}/{stem}.{ext}|{name}|{path}", 0..0).unwrap();
        assert_eq!(
            t.render("a/b/c.zh.txt", "zh-TW").unwrap(),
            "out/zh-TW/a/b/c.txt|c.zh.txt|a/b/c.zh.txt"
        );
        assert_eq!(
            Template::parse("out/{dir}/{name}", 0..0)
                .unwrap()
                .render("c.txt", "zh-TW")
                .unwrap(),
            "out/c.txt"
        );
        assert_eq!(
            Template::parse("{dir}/{stem}.{target}.txt", 0..0)
                .unwrap()
                .render("c.txt", "zh-TW")
                .unwrap(),
            "c.zh-TW.txt"
        );
        for bad in [
            "out/{targte}/{path}",
            "out/{path",
            "../{path}",
            "/abs/{path}",
            "out/{target}",
            "a}{path}",
        ] {
            assert!(Template::parse(bad, 0..0).is_err(), "{bad}");
        }
    }
}
