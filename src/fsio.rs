//! Crash-safe file writing: a temporary file in the target's folder, written,
//! flushed to disk, then renamed over the target. A reader never sees half a
//! file, and a failed write leaves the old file whole and nothing else behind.

use std::io::Write as _;
use std::path::{Path, PathBuf};

/// Why a file could not be written.
#[derive(Debug, thiserror::Error)]
#[error("cannot write {}: {reason}", path.display())]
pub struct WriteError {
    /// The file we tried to write.
    pub path: PathBuf,
    /// What went wrong.
    pub reason: String,
}

/// Writes `bytes` to `path` atomically (temporary file, fsync, rename).
///
/// # Errors
/// The folder does not exist or is not writable, the disk is full, or the
/// target is a folder; the target is then unchanged and no temporary file remains.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let fail = |reason: String| WriteError {
        path: path.to_path_buf(),
        reason,
    };
    if path.is_dir() {
        return Err(fail("it is a folder".into()));
    }
    let file_name = path
        .file_name()
        .ok_or_else(|| fail("the path names no file".into()))?;
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !dir.is_dir() {
        return Err(fail(format!("the folder {} does not exist", dir.display())));
    }
    let mut prefix = std::ffi::OsString::from(".");
    prefix.push(file_name);
    prefix.push(".");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    // A new file gets the permissions any program's new file gets (read and
    // write for all, less the user's umask), not a temporary file's 0600.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder.tempfile_in(&dir).map_err(|e| fail(e.to_string()))?;
    temp.write_all(bytes).map_err(|e| fail(e.to_string()))?;
    temp.flush().map_err(|e| fail(e.to_string()))?;
    temp.as_file().sync_all().map_err(|e| fail(e.to_string()))?;
    // Keep the old file's permissions when replacing one.
    if let Ok(meta) = std::fs::metadata(path) {
        let _ = temp.as_file().set_permissions(meta.permissions());
    }
    temp.persist(path).map_err(|e| fail(e.error.to_string()))?;
    // Make the rename itself durable.
    if let Ok(folder) = std::fs::File::open(&dir) {
        let _ = folder.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_whole_file_and_leaves_nothing_else() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("report.md");
        std::fs::write(&target, "old").expect("seed");
        write_atomic(&target, b"new content").expect("write");
        assert_eq!(std::fs::read_to_string(&target).expect("read"), "new content");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("report.md")]);
    }

    #[cfg(unix)]
    #[test]
    fn a_new_file_gets_the_users_umask_and_a_replaced_one_keeps_its_mode() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().expect("temp dir");
        let plain = dir.path().join("plain.txt");
        std::fs::write(&plain, "x").expect("seed");
        let expected = std::fs::metadata(&plain).expect("meta").permissions().mode() & 0o777;
        let target = dir.path().join("workload.ron");
        write_atomic(&target, b"new").expect("write");
        let mode = std::fs::metadata(&target).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, expected, "{mode:o} against {expected:o}");
        // A file the user restricted stays restricted when rewritten.
        std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o600)).expect("chmod");
        write_atomic(&target, b"again").expect("write");
        let mode = std::fs::metadata(&target).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }

    #[test]
    fn missing_folder_fails_cleanly() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("nope").join("report.md");
        let error = write_atomic(&target, b"x").expect_err("must fail");
        assert!(error.to_string().contains("does not exist"), "{error}");
        assert!(!dir.path().join("nope").exists());
    }

    #[test]
    fn folder_target_fails_and_stays() {
        let dir = tempfile::tempdir().expect("temp dir");
        let error = write_atomic(dir.path(), b"x").expect_err("must fail");
        assert!(error.to_string().contains("folder"), "{error}");
    }
}
