//! The `ferroute` command-line tool.
//!
//! `ferroute decode` reads netlink bytes (hex text or `--binary`) from a file or stdin and
//! prints each message, as JSON lines (`--json`) or readable text.

use std::io::{Read, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use ferroute::decode::{self, Decoded};
use ferroute_codec::nfnl::Nfnl;
use ferroute_codec::nl::RawFamily;
use ferroute_codec::rtnl::Rtnl;

/// ferroute: netlink at native speed (an iproute2-like tool and a netlink decoder).
#[derive(Debug, Parser)]
#[command(name = "ferroute", version, about, long_about = None)]
struct Cli {
    /// Print JSON.
    #[arg(short = 'j', long = "json", global = true)]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Decode netlink messages (or an Ethernet frame) from a file or stdin.
    Decode(DecodeArgs),
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FamilyArg {
    /// rtnetlink (NETLINK_ROUTE).
    Route,
    /// generic netlink.
    Generic,
    /// nfnetlink (netfilter).
    Netfilter,
    /// no family knowledge: header and hex payload only.
    Raw,
}

#[derive(Debug, clap::Args)]
struct DecodeArgs {
    /// Input file; stdin when absent or "-".
    file: Option<String>,
    /// The netlink family the messages belong to.
    #[arg(long, value_enum, default_value = "route")]
    family: FamilyArg,
    /// The input is raw binary rather than hex text.
    #[arg(long)]
    binary: bool,
    /// The input is one Ethernet frame (Ethernet, IPv4, UDP, DHCP), not netlink.
    #[arg(long)]
    ethernet: bool,
    /// With `--family generic`: the id of a dynamic family, as NAME=ID (e.g.
    /// TASKSTATS=31; known names: nlctrl, TASKSTATS, nl80211). Repeatable. Ids found in
    /// CTRL_CMD_NEWFAMILY replies earlier in the input are used too.
    #[arg(long = "genl-family", value_name = "NAME=ID")]
    genl_family: Vec<String>,
}

fn read_input(file: Option<&str>) -> std::io::Result<Vec<u8>> {
    let mut data = Vec::new();
    match file {
        None | Some("-") => {
            std::io::stdin().read_to_end(&mut data)?;
        }
        Some(path) => data = std::fs::read(path)?,
    }
    Ok(data)
}

fn run_decode(args: &DecodeArgs, json: bool) -> ExitCode {
    let raw = match read_input(args.file.as_deref()) {
        Ok(d) => d,
        Err(e) => {
            eprintln!(
                "ferroute decode: cannot read {}: {e}",
                args.file.as_deref().unwrap_or("stdin")
            );
            return ExitCode::FAILURE;
        }
    };
    let data = if args.binary {
        raw
    } else {
        match std::str::from_utf8(&raw).map_err(|e| decode::HexError {
            offset: e.valid_up_to(),
            what: "not UTF-8 text (use --binary for binary input)",
        }) {
            Ok(text) => match decode::parse_hex(text) {
                Ok(d) => d,
                Err(e) => {
                    eprintln!("ferroute decode: {e}");
                    return ExitCode::FAILURE;
                }
            },
            Err(e) => {
                eprintln!("ferroute decode: {e}");
                return ExitCode::FAILURE;
            }
        }
    };
    let d: Decoded = if args.ethernet {
        decode::decode_frame(&data)
    } else {
        match args.family {
            FamilyArg::Route => decode::decode::<Rtnl>(&data),
            FamilyArg::Generic => {
                let mut hints = Vec::new();
                for h in &args.genl_family {
                    match ferroute_codec::genl::GenlFamilyHint::parse_pair(h) {
                        Some(p) => hints.push(p),
                        None => {
                            eprintln!("ferroute decode: --genl-family wants NAME=ID, got {h:?}");
                            return ExitCode::from(2);
                        }
                    }
                }
                decode::decode_genl(&data, &hints)
            }
            FamilyArg::Netfilter => decode::decode::<Nfnl>(&data),
            FamilyArg::Raw => decode::decode::<RawFamily>(&data),
        }
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for m in &d.messages {
        let r = if json {
            writeln!(out, "{m}")
        } else {
            write!(out, "{}", decode::render_text(m))
        };
        if r.is_err() {
            return ExitCode::FAILURE;
        }
    }
    let mut failed = false;
    for e in &d.inner_errors {
        eprintln!("ferroute decode: {e}");
        failed = true;
    }
    if let Some(e) = d.framing_error {
        eprintln!("ferroute decode: malformed input: {e}");
        failed = true;
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match &cli.command {
        Command::Decode(args) => run_decode(args, cli.json),
    }
}
