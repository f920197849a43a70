//! Progress of a flash operation: indicatif bars fed by probe-rs's
//! `ProgressEvent`s, and the byte counts the final report needs.
//!
//! probe-rs announces each phase with `AddProgressBar { operation, total }`,
//! then sends `Started`, a stream of `Progress { size, .. }` and `Finished`
//! (or `Failed`). [`Progress::event`] turns those into one bar per phase
//! (erase, program, verify, and the rarely used fill) on stderr, and adds the
//! sizes up in [`Totals`], so the report can say how many bytes were really
//! erased, programmed and verified. Our own in-memory test target sends the
//! same events, so the tests check this mapping too. When stderr is not a
//! terminal indicatif draws nothing and only the report lines remain.
//!
//! The BOOTSEL copy does not come here: it needs no probe-rs, so xtask shows
//! its progress itself.

use std::time::Duration;

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};
use probe_rs::flashing::{ProgressEvent, ProgressOperation};
use xtask::flash::kib;

/// The phases probe-rs reports, in the order the bars are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Fill,
    Erase,
    Program,
    Verify,
}

impl Phase {
    pub const ALL: [Phase; 4] = [Phase::Fill, Phase::Erase, Phase::Program, Phase::Verify];

    /// The phase of a probe-rs operation (`ProgressOperation` has no `PartialEq`).
    pub fn of(operation: ProgressOperation) -> Phase {
        match operation {
            ProgressOperation::Fill => Phase::Fill,
            ProgressOperation::Erase => Phase::Erase,
            ProgressOperation::Program => Phase::Program,
            ProgressOperation::Verify => Phase::Verify,
        }
    }

    /// The probe-rs operation of a phase (our test target sends these).
    #[cfg(test)]
    pub fn operation(self) -> ProgressOperation {
        match self {
            Phase::Fill => ProgressOperation::Fill,
            Phase::Erase => ProgressOperation::Erase,
            Phase::Program => ProgressOperation::Program,
            Phase::Verify => ProgressOperation::Verify,
        }
    }

    fn index(self) -> usize {
        self as usize
    }

    /// The bar's label, padded so that the bars line up.
    fn label(self) -> &'static str {
        match self {
            Phase::Fill => "fill   ",
            Phase::Erase => "erase  ",
            Phase::Program => "program",
            Phase::Verify => "verify ",
        }
    }
}

/// What the events added up to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Totals {
    /// Bytes reported per phase, indexed like [`Phase::ALL`].
    pub bytes: [u64; 4],
    /// The sectors in probe-rs's own flash layout (`FlashLayoutReady`), when it sent one.
    pub layout_sectors: Option<usize>,
    /// The first phase that failed, if any.
    pub failed: Option<Phase>,
    /// Which phases finished.
    pub finished: [bool; 4],
    /// Diagnostic messages from the flash algorithm.
    pub messages: Vec<String>,
}

impl Totals {
    pub fn bytes(&self, phase: Phase) -> u64 {
        self.bytes[phase.index()]
    }

    pub fn finished(&self, phase: Phase) -> bool {
        self.finished[phase.index()]
    }
}

/// The progress display of one flash operation.
pub struct Progress {
    multi: MultiProgress,
    bars: [Option<ProgressBar>; 4],
    started: [bool; 4],
    totals: Totals,
}

impl std::fmt::Debug for Progress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Progress").field("totals", &self.totals).finish_non_exhaustive()
    }
}

impl Progress {
    /// Bars on stderr (drawn only when stderr is a terminal).
    pub fn stderr() -> Progress {
        Progress::with_target(ProgressDrawTarget::stderr())
    }

    /// No drawing at all, for tests; the totals are still kept.
    #[cfg(test)]
    pub fn hidden() -> Progress {
        Progress::with_target(ProgressDrawTarget::hidden())
    }

    fn with_target(target: ProgressDrawTarget) -> Progress {
        Progress {
            multi: MultiProgress::with_draw_target(target),
            bars: Default::default(),
            started: [false; 4],
            totals: Totals::default(),
        }
    }

    #[cfg(test)]
    pub fn totals(&self) -> &Totals {
        &self.totals
    }

    /// The style of every byte bar. The template is a constant, so a failure
    /// to parse it falls back to indicatif's default rather than panicking.
    fn style() -> ProgressStyle {
        ProgressStyle::with_template(
            "{prefix} [{bar:40.cyan/blue}] {bytes:>10}/{total_bytes:<10} {bytes_per_sec:>12} {msg}",
        )
        .map(|style| style.progress_chars("=> "))
        .unwrap_or_else(|_| ProgressStyle::default_bar())
    }

    /// The bar of `phase`, created with an unknown length when probe-rs
    /// reports progress without announcing the phase first.
    fn bar(&mut self, phase: Phase) -> &ProgressBar {
        let multi = &self.multi;
        self.bars[phase.index()].get_or_insert_with(|| {
            let bar = ProgressBar::no_length().with_style(Self::style()).with_prefix(phase.label());
            multi.add(bar)
        })
    }

    /// Handles one probe-rs event.
    pub fn event(&mut self, event: ProgressEvent) {
        match event {
            ProgressEvent::FlashLayoutReady { flash_layout } => {
                let sectors = flash_layout.iter().map(|layout| layout.sectors().len()).sum::<usize>();
                self.totals.layout_sectors = Some(self.totals.layout_sectors.unwrap_or(0) + sectors);
            }
            ProgressEvent::AddProgressBar { operation, total } => {
                let phase = Phase::of(operation);
                let bar = self.bar(phase);
                // probe-rs adds one bar per flash algorithm; their totals add up.
                match (total, bar.length()) {
                    (Some(total), Some(length)) => bar.set_length(length + total),
                    (Some(total), None) => bar.set_length(total),
                    (None, _) => {}
                }
            }
            ProgressEvent::Started(operation) => {
                let phase = Phase::of(operation);
                self.started[phase.index()] = true;
                let bar = self.bar(phase);
                bar.reset_elapsed();
                bar.enable_steady_tick(Duration::from_millis(100));
            }
            ProgressEvent::Progress { operation, size, .. } => {
                let phase = Phase::of(operation);
                self.totals.bytes[phase.index()] += size;
                self.bar(phase).inc(size);
            }
            ProgressEvent::Finished(operation) => {
                let phase = Phase::of(operation);
                self.totals.finished[phase.index()] = true;
                self.bar(phase).finish_with_message("done");
            }
            ProgressEvent::Failed(operation) => {
                let phase = Phase::of(operation);
                // probe-rs marks the phases it skipped (a dry run) as failed
                // too; only a phase that had started counts as a failure.
                if self.started[phase.index()] {
                    self.totals.failed.get_or_insert(phase);
                }
                self.bar(phase).abandon_with_message("failed");
            }
            ProgressEvent::DiagnosticMessage { message } => {
                let _ = self.multi.println(format!("flash algorithm: {}", message.trim_end()));
                self.totals.messages.push(message);
            }
        }
    }

    /// Prints a line above the bars (or plainly when nothing is drawn).
    pub fn println(&self, line: &str) {
        if self.multi.is_hidden() {
            println!("{line}");
        } else {
            let _ = self.multi.println(line);
        }
    }

    /// One line per phase that did something: bytes and whether it finished.
    pub fn summary(&self) -> Vec<String> {
        Phase::ALL
            .iter()
            .filter(|phase| self.totals.bytes(**phase) > 0 || self.totals.finished(**phase))
            .map(|phase| {
                let state = if self.totals.failed == Some(*phase) { "FAILED" } else { "ok" };
                format!("{} {} ({state})", phase.label().trim_end(), kib(self.totals.bytes(*phase)))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The events probe-rs sends for a successful commit, as in its flasher.
    fn commit_events(sectors: u64, sector_size: u64) -> Vec<ProgressEvent> {
        let mut events = vec![ProgressEvent::FlashLayoutReady { flash_layout: Vec::new() }];
        for phase in [Phase::Erase, Phase::Program, Phase::Verify] {
            events.push(ProgressEvent::AddProgressBar {
                operation: phase.operation(),
                total: Some(sectors * sector_size),
            });
        }
        for phase in [Phase::Erase, Phase::Program, Phase::Verify] {
            events.push(ProgressEvent::Started(phase.operation()));
            for _ in 0..sectors {
                events.push(ProgressEvent::Progress {
                    operation: phase.operation(),
                    size: sector_size,
                    time: Duration::from_millis(1),
                });
            }
            events.push(ProgressEvent::Finished(phase.operation()));
        }
        events
    }

    #[test]
    fn events_add_up_per_phase() {
        let mut progress = Progress::hidden();
        for event in commit_events(3, 4096) {
            progress.event(event);
        }
        let totals = progress.totals();
        assert_eq!(totals.bytes(Phase::Erase), 3 * 4096);
        assert_eq!(totals.bytes(Phase::Program), 3 * 4096);
        assert_eq!(totals.bytes(Phase::Verify), 3 * 4096);
        assert_eq!(totals.bytes(Phase::Fill), 0);
        assert!(totals.finished(Phase::Verify) && !totals.finished(Phase::Fill));
        assert_eq!(totals.failed, None);
        assert_eq!(totals.layout_sectors, Some(0));
        assert_eq!(progress.summary(), ["erase 12.0 KiB (ok)", "program 12.0 KiB (ok)", "verify 12.0 KiB (ok)"]);
    }

    #[test]
    fn bar_lengths_follow_the_announced_totals() {
        let mut progress = Progress::hidden();
        progress.event(ProgressEvent::AddProgressBar { operation: ProgressOperation::Program, total: Some(100) });
        progress.event(ProgressEvent::AddProgressBar { operation: ProgressOperation::Program, total: Some(50) });
        progress.event(ProgressEvent::AddProgressBar { operation: ProgressOperation::Erase, total: None });
        assert_eq!(progress.bar(Phase::Program).length(), Some(150));
        assert_eq!(progress.bar(Phase::Erase).length(), None);
    }

    #[test]
    fn a_failed_phase_is_reported() {
        let mut progress = Progress::hidden();
        progress.event(ProgressEvent::Started(ProgressOperation::Program));
        progress.event(ProgressEvent::Progress {
            operation: ProgressOperation::Program,
            size: 256,
            time: Duration::from_millis(1),
        });
        progress.event(ProgressEvent::Failed(ProgressOperation::Program));
        progress.event(ProgressEvent::DiagnosticMessage { message: "flash timeout\n".into() });
        assert_eq!(progress.totals().failed, Some(Phase::Program));
        assert_eq!(progress.totals().messages, ["flash timeout\n"]);
        assert_eq!(progress.summary(), ["program 256 B (FAILED)"]);
    }

    #[test]
    fn phases_skipped_by_a_dry_run_are_not_failures() {
        let mut progress = Progress::hidden();
        for operation in [ProgressOperation::Fill, ProgressOperation::Erase, ProgressOperation::Program] {
            progress.event(ProgressEvent::Failed(operation));
        }
        assert_eq!(progress.totals().failed, None);
        assert!(progress.summary().is_empty());
    }

    #[test]
    fn phases_map_both_ways() {
        for phase in Phase::ALL {
            assert_eq!(Phase::of(phase.operation()), phase);
        }
    }
}
