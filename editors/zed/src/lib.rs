//! Starts `argmap lsp` (the `argmap` found on the worktree's `PATH`) for
//! YAML files.

use zed_extension_api::{self as zed, LanguageServerId, Result};

struct Argmap;

impl zed::Extension for Argmap {
    fn new() -> Self {
        Argmap
    }

    fn language_server_command(
        &mut self,
        _id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<zed::Command> {
        let command = worktree
            .which("argmap")
            .ok_or_else(|| "argmap is not on PATH: install it (cargo install --path .)".to_string())?;
        Ok(zed::Command {
            command,
            args: vec!["lsp".to_string()],
            env: worktree.shell_env(),
        })
    }
}

zed::register_extension!(Argmap);
