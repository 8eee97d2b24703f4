//! The `ferroute` command-line tool.
//!
//! iproute2's syntax for links, addresses, routes, neighbours, rules, fdb entries and tc
//! objects (`ferroute [-n NETNS] [-j] [-d] link|addr|route|neigh|rule show|add|del|set ...`,
//! `ferroute qdisc|class|filter show ...`, `ferroute monitor`, `ferroute -batch FILE`), and
//! `ferroute decode`, which reads netlink bytes (hex text or `--binary`) from a file or stdin
//! and prints each message, as JSON lines (`--json`) or readable text.
//!
//! The iproute2 grammar (prefix-matched words, options after the object) is parsed by
//! `ferroute::cli::parse`; clap parses `decode` and provides `--help` and `--version`.

use std::io::{Read, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use ferroute::cli::exec;
use ferroute::cli::parse::{self, GlobalOpts};
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

#[inline(never)]
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

const USAGE: &str = "\
Usage: ferroute [ OPTIONS ] OBJECT { COMMAND | help }
       ferroute [ -force ] -batch FILENAME
       ferroute decode [--family route|generic|netfilter|raw] [--binary] [--ethernet] [FILE]
where  OBJECT := { link | address | route | neigh | rule | fdb | qdisc | class | filter |
                   tuntap | monitor }
       OPTIONS := { -4 | -6 | -j[son] | -p[retty] | -d[etails] | -s[tatistics] |
                    -n[etns] NAME | -b[atch] FILE | -force | -br[ief] | -o[neline] }
Examples: ferroute -j route show table main
          ferroute link add v0 type veth peer name v1
          ferroute addr add 10.0.0.1/24 dev v0";

fn print_out(s: &str) -> bool {
    let mut o = std::io::stdout().lock();
    o.write_all(s.as_bytes()).and_then(|()| o.flush()).is_ok()
}

/// Runs one iproute2-style command line (options already split off).
#[inline(never)]
fn run_ip(g: &GlobalOpts, words: &[&str]) -> ExitCode {
    let cmd = match parse::parse_command(words, g.family) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            eprintln!("{USAGE}");
            return ExitCode::from(255);
        }
    };
    if let parse::Command::Monitor(objects) = &cmd {
        return match exec::monitor(g, objects, |line| print_out(&format!("{line}\n"))) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("{e}");
                ExitCode::from(e.exit_code())
            }
        };
    }
    let mut session = match exec::Session::new() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(e.exit_code());
        }
    };
    let mut out = std::io::BufWriter::with_capacity(1 << 14, Stdout::open());
    let r = session.run(g, &cmd, &mut out);
    let _ = out.flush();
    match r {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(e.exit_code())
        }
    }
}

/// `-batch FILE`: every line is a command; write commands are compiled into one IPBatch
/// (sent when a later line needs to read the kernel or a name the batch creates, and at the
/// end); a failing line stops the run unless `-force`.
#[inline(never)]
fn run_batch(g: &GlobalOpts, file: &str) -> ExitCode {
    let text = match read_input(Some(file)) {
        Ok(t) => String::from_utf8_lossy(&t).into_owned(),
        Err(e) => {
            eprintln!("Cannot open file \"{file}\" for reading: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut session = match exec::Session::new() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(e.exit_code());
        }
    };
    session.begin_batch();
    let mut status = ExitCode::SUCCESS;
    let mut out = std::io::BufWriter::with_capacity(1 << 14, Stdout::open());
    for (line, words) in parse::split_batch(&text) {
        let words = match words {
            Ok(w) => w,
            Err(e) => {
                eprintln!("{e}\nCommand failed {file}:{line}");
                status = ExitCode::from(255);
                if g.force { continue } else { break }
            }
        };
        let w: Vec<&str> = words.iter().map(String::as_str).collect();
        let (mut lg, i) = match parse::parse_global(&w) {
            Ok(x) => x,
            Err(e) => {
                eprintln!("{e}\nCommand failed {file}:{line}");
                status = ExitCode::from(255);
                if g.force { continue } else { break }
            }
        };
        lg.json |= g.json;
        lg.details |= g.details;
        lg.pretty |= g.pretty;
        if lg.family == parse::Family::Any {
            lg.family = g.family;
        }
        let r = parse::parse_command(&w[i..], lg.family)
            .map_err(exec::ExecError::from)
            .and_then(|cmd| {
                session.note_line(line);
                session.run(&lg, &cmd, &mut out)
            });
        let _ = out.flush();
        if let Err(e) = r {
            eprintln!("{e}\nCommand failed {file}:{line}");
            status = ExitCode::from(e.exit_code());
            if !g.force {
                break;
            }
        }
    }
    if let Err(e) = session.end_batch() {
        eprintln!("{e}");
        status = ExitCode::from(e.exit_code());
    }
    status
}

/// Dispatches a command line. `run_ip`, `run_batch` and `run_decode` are
/// `#[inline(never)]` so that one path does not touch pages of the others' code (see
/// runtime/build.rs).
fn run(args: Vec<String>) -> ExitCode {
    let words: Vec<&str> = args.iter().map(String::as_str).collect();
    let (g, i) = match parse::parse_global(&words) {
        Ok(x) => x,
        Err(e) => {
            if let Some(w) = words
                .iter()
                .find(|w| ["-h", "--help", "-help", "-V", "--version", "-Version"].contains(w))
            {
                if w.contains('V') || *w == "--version" {
                    println!("ferroute {}", env!("CARGO_PKG_VERSION"));
                } else {
                    println!("{USAGE}");
                }
                return ExitCode::SUCCESS;
            }
            eprintln!("{e}");
            eprintln!("{USAGE}");
            return ExitCode::from(255);
        }
    };
    match words.get(i) {
        Some(&"decode") => {
            let cli =
                Cli::parse_from(std::iter::once("ferroute".to_owned()).chain(args.iter().cloned()));
            match &cli.command {
                Command::Decode(d) => run_decode(d, cli.json),
            }
        }
        Some(&"help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ if g.batch.is_some() => run_batch(&g, g.batch.as_deref().unwrap_or("-")),
        None => {
            eprintln!("{USAGE}");
            ExitCode::from(255)
        }
        Some(_) => run_ip(&g, &words[i..]),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // -n NETNS: the process enters /run/netns/NETNS before anything else runs (setns acts
    // on the calling thread, and this is the only thread; no fork). Not on a thread of its
    // own: a second thread costs a stack and a second malloc arena, which show in the
    // peak memory of a listing.
    let netns = parse::parse_global(&args.iter().map(String::as_str).collect::<Vec<_>>())
        .ok()
        .and_then(|(g, _)| g.netns);
    if let Some(ns) = netns
        && let Err(e) = ferroute::netns::enter_named(&ns)
    {
        eprintln!("Cannot open network namespace \"{ns}\": {e}");
        return ExitCode::FAILURE;
    }
    run(args)
}

/// Standard output for the command output, which the caller buffers: a duplicate of fd 1
/// written with plain `write` calls, so that a listing's 16 KiB blocks do not also pass
/// through std's `LineWriter` (which scans every block for a newline). If fd 1 cannot be
/// duplicated (closed), std's handle is used, with its handling of a closed stdout.
enum Stdout {
    /// fd 1, duplicated.
    Fd(std::fs::File),
    /// std's locked handle.
    Std(std::io::StdoutLock<'static>),
}

impl Stdout {
    fn open() -> Self {
        use std::os::fd::AsFd;
        let std = std::io::stdout();
        match std.as_fd().try_clone_to_owned() {
            Ok(fd) => Stdout::Fd(fd.into()),
            Err(_) => Stdout::Std(std.lock()),
        }
    }
}

impl Write for Stdout {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        match self {
            Stdout::Fd(f) => f.write(b),
            Stdout::Std(s) => s.write(b),
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Stdout::Fd(f) => f.flush(),
            Stdout::Std(s) => s.flush(),
        }
    }
}
