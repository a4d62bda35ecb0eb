//! Progress bars for long work, shown only when standard error is a terminal (so logs
//! and pipes stay clean).

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;

/// A bar counting articles; hidden when stderr is not a terminal.
pub fn articles(total: Option<u64>) -> ProgressBar {
    let bar = match total {
        Some(n) => ProgressBar::new(n),
        None => ProgressBar::new_spinner(),
    };
    if !std::io::stderr().is_terminal() {
        bar.set_draw_target(ProgressDrawTarget::hidden());
        return bar;
    }
    let style = match total {
        Some(_) => ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {bar:30} {pos}/{len} articles ({per_sec}) {msg}",
        ),
        None => ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {pos} articles ({per_sec}) {msg}",
        ),
    };
    if let Ok(s) = style {
        bar.set_style(s);
    }
    bar.enable_steady_tick(std::time::Duration::from_millis(200));
    bar
}

/// Print a line to stderr without breaking a visible bar.
pub fn note(bar: &ProgressBar, line: &str) {
    if bar.is_hidden() {
        eprintln!("{line}");
    } else {
        bar.println(line);
    }
}
