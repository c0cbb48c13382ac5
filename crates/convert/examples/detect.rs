//! Prints what `bianyi_convert::detect` finds in each file given.
#![allow(clippy::print_stdout, reason = "an example reports on the terminal")]

fn main() -> Result<(), Box<dyn std::error::Error>> {
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path)?;
        println!("{path}: {:?}", bianyi_convert::detect(&text));
    }
    Ok(())
}
