//! Argdown import and export.
