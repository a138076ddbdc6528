//! The words of "Your data": backups, restoring, and what the app says
//! when storage cannot be read in full.

/// The banner while storage will not list its keys (`Health::Unlisted`).
pub const UNLISTED_BANNER: &str = "Your browser would not let this app list everything it has stored, so it read what it keeps an index of. Saving works, but a backup made now may miss records: see Progress & data.";

/// Beside "Download a backup file" while storage will not list its keys.
pub const BACKUP_MAY_BE_INCOMPLETE: &str = "This browser would not let the app list everything it has stored, so the app read what it keeps an index of. A backup made now holds all of that, but may miss records saved where the index does not reach (for example by an older version of the app). Closing and reopening the browser may help.";

/// After the file name of a backup made while storage would not list its keys.
pub const DOWNLOADED_MAY_BE_INCOMPLETE: &str =
    "It may be incomplete: this browser would not list everything stored here (see above).";

/// Above the button that opens the file picker.
pub const RESTORE_HELP: &str =
    "Choose a backup file this app saved (.json). You see what it holds before anything changes.";

pub const CHOOSE_BACKUP_FILE: &str = "Choose a backup file";

/// The preview on a device with nothing recorded: one way to restore.
pub const RESTORE_ON_EMPTY_DEVICE: &str =
    "Nothing is recorded on this device yet, so restoring adds everything in the backup.";
