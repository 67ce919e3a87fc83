//! Where the shared development data lives and where generated data goes.

use std::path::PathBuf;

/// The repository root (the parent of `xtask/`).
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask sits in the repository").to_path_buf()
}

/// The shared data folder: `--shared DIR` in `args`, else `$SORANI_SHARED_DIR`,
/// else `../shared` beside the repository.
#[allow(dead_code)]
pub fn shared_dir(args: &[String]) -> PathBuf {
    if let Some(pos) = args.iter().position(|a| a == "--shared") {
        if let Some(dir) = args.get(pos + 1) {
            return PathBuf::from(dir);
        }
    }
    if let Ok(dir) = std::env::var("SORANI_SHARED_DIR") {
        return PathBuf::from(dir);
    }
    repo_root().join("..").join("shared")
}

/// `crates/sorani/data/`, where generated data is written.
#[allow(dead_code)]
pub fn data_dir() -> PathBuf {
    repo_root().join("crates").join("sorani").join("data")
}

/// The words of the hand-written function-word list
/// `crates/sorani/data/morph/stopwords-base.txt`, in file order (comment and
/// blank lines skipped).
pub fn stopwords_base() -> anyhow::Result<Vec<String>> {
    use anyhow::Context as _;
    let path = data_dir().join("morph").join("stopwords-base.txt");
    let text = std::fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
    Ok(text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(String::from).collect())
}
