//! PDF timings on the seed contest: `cargo bench --bench pdf`.
//!
//! - cold: the whole seed build (site, every PDF, the zip) in a new process, output on tmpfs;
//! - warm: recompiling with the same `PdfEngine` (its Typst world and caches, the subset field font),
//!   after the contest changed, for all documents and for one form.
//!
//! Under `cargo test` (no `--bench` argument) it runs each measurement once, as a smoke test.
//!
//! It times the `jingsai` binary that this cargo invocation built (`CARGO_BIN_EXE_jingsai`), never one
//! left in a target folder, and panics, saying what is missing or what failed, rather than skip anything.

use jingsai::pdf::{PdfEngine, fonts::FontOptions};
use std::collections::HashMap;
use std::path::Path;
use std::time::{Duration, Instant};

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let benchmarking = std::env::args().any(|a| a == "--bench");
    let runs = if benchmarking { 21 } else { 1 };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // The binary of this very build (cargo builds it before the benchmark), wherever the target folder is.
    let binary = Path::new(env!("CARGO_BIN_EXE_jingsai"));
    let out_root = if Path::new("/dev/shm").is_dir() {
        Path::new("/dev/shm")
    } else {
        Path::new("/tmp")
    };
    let out = out_root.join(format!("jingsai-bench-pdf-{}", std::process::id()));
    let log = out_root.join(format!("jingsai-bench-pdf-{}.log", std::process::id()));
    assert!(
        binary.is_file(),
        "the jingsai binary of this build is missing at {}",
        binary.display()
    );

    // Cold: a new process per build.
    {
        let mut samples = Vec::new();
        for _ in 0..runs {
            let _ = std::fs::remove_dir_all(&out);
            // The build's few lines of messages go to a file, shown when it fails.
            let messages = std::fs::File::create(&log)
                .unwrap_or_else(|e| panic!("cannot create {}: {e}", log.display()));
            let start = Instant::now();
            let status = std::process::Command::new(binary)
                .args(["build", "--no-system-fonts", "--output"])
                .arg(&out)
                .arg(root)
                .stderr(messages)
                .status()
                .unwrap_or_else(|e| panic!("cannot run {}: {e}", binary.display()));
            samples.push(start.elapsed());
            assert!(
                status.success(),
                "`jingsai build` of the seed contest failed ({status}):\n{}",
                std::fs::read_to_string(&log).unwrap_or_default()
            );
        }
        let _ = std::fs::remove_file(&log);
        println!(
            "cold: whole seed build (site, 3 PDFs, zip) in a new process: median {} of {runs}",
            ms(median(samples))
        );
        let _ = std::fs::remove_dir_all(&out);
    }

    // Warm: one engine, the contest edited between compiles so Typst recompiles for real.
    let mut project = jingsai::load(root).expect("the seed contest loads");
    let mut engine = PdfEngine::new(&FontOptions::default());
    let first = Instant::now();
    engine.render(&project).expect("first render");
    println!(
        "first render in this process (3 PDFs, field font subset): {}",
        ms(first.elapsed())
    );
    let names = ["人工智能训练师", "人工智能训练师（中级）"];
    let mut all = Vec::new();
    let mut one = Vec::new();
    for i in 0..runs {
        project.project.contest.tracks[0].name = names[i % 2].to_string();
        let start = Instant::now();
        engine.render(&project).expect("warm render");
        all.push(start.elapsed());
        project.project.contest.tracks[0].name = names[(i + 1) % 2].to_string();
        let start = Instant::now();
        engine
            .render_filled(&project, Some("registration"), &HashMap::new())
            .expect("warm form");
        one.push(start.elapsed());
    }
    println!(
        "warm: all 3 PDFs after a track was renamed: median {} of {runs}",
        ms(median(all))
    );
    println!(
        "warm: the registration form after a track was renamed: median {} of {runs}",
        ms(median(one))
    );
}
