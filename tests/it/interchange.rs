//! AIF and Kialo import and export.
