//! `cargo bench --bench startup`: the whole process (start → first frame → screenshot PNG
//! written → exit), wall time, CPU time and peak RSS, for paperlens and for a bare eframe
//! window doing the same, measured in the same run by `benches/startup.sh` (which builds both
//! in release). It needs a display or Xvfb; without either it says so and measures nothing.

use std::process::Command;

fn main() {
    // `cargo bench` passes filter arguments; this benchmark has a single measurement.
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/benches/startup.sh");
    let runs = std::env::var("PAPERLENS_STARTUP_RUNS").unwrap_or_else(|_| "8".to_owned());
    match Command::new("bash").arg(script).arg(&runs).status() {
        Ok(status) if status.success() => {}
        Ok(status) => eprintln!("startup benchmark did not run to the end ({status})"),
        Err(e) => eprintln!("startup benchmark: could not run bash: {e}"),
    }
}
