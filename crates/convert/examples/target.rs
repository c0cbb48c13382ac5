//! Converts standard input to a target:
//! `cargo run --example target -- zh-TW [--phrases] [--routes] < in.txt`.
//! With `--routes`, each paragraph's pieces and their routes are printed
//! before the output.
#![allow(clippy::print_stdout, reason = "an example reports on the terminal")]

use std::io::Read;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let target: bianyi_convert::Target = args.next().ok_or("target")?.parse()?;
    let rest: Vec<String> = args.collect();
    let phrases = rest.iter().any(|a| a == "--phrases");
    let routes = rest.iter().any(|a| a == "--routes");
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text)?;
    let conv = bianyi_convert::TargetConverter::new(target).phrases(phrases);
    let doc = conv.document(&text);
    if routes {
        println!("document: {:?}", doc.detection());
        for paragraph in text.split_inclusive('\n') {
            for (piece, route) in doc.pieces(paragraph) {
                println!("{piece:?}: {route}");
            }
        }
    }
    print!("{}", doc.convert(&text));
    Ok(())
}
