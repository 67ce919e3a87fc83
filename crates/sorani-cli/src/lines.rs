//! Shared input/output for every line-oriented subcommand.
//!
//! Inputs are FILEs or standard input (`-` or none). Lines are read in
//! batches of whole lines, mapped in parallel (rayon) and written in input
//! order, so memory stays bounded by the batch size whatever the file size.
//! Subcommands that can (normalize, tokenize, sentences) take a line longer
//! than a batch in pieces cut at sentence starts, so even one 100 MB line
//! runs in bounded memory; the others hold such a line whole.
//! Output goes to standard output, to `-o FILE` (written to a temporary file
//! then renamed), or back over each input with `--in-place` (likewise atomic).
//! Invalid UTF-8 is an error naming the file and byte offset unless `--lossy`.

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context};
use rayon::prelude::*;

/// Input and output options shared by the line-oriented subcommands.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct InputArgs {
    /// Input files; `-` or none reads standard input.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// Write output to FILE instead of standard output (atomically: a
    /// temporary file renamed into place when everything succeeded).
    #[arg(short = 'o', long = "output", value_name = "FILE", conflicts_with = "in_place")]
    pub output: Option<PathBuf>,

    /// Rewrite each input file with its own output (atomically; standard
    /// input cannot be rewritten).
    #[arg(long)]
    pub in_place: bool,

    /// Replace invalid UTF-8 with U+FFFD and report how many bytes were
    /// replaced, instead of stopping with an error.
    #[arg(long)]
    pub lossy: bool,
}

/// Output formats shared by subcommands that offer a choice.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Plain text, one line per input line.
    #[default]
    Text,
    /// One JSON object per line (JSON Lines).
    Jsonl,
}

/// One input line handed to a mapper.
#[derive(Debug, Clone, Copy)]
pub struct Line<'a> {
    /// The line's text without its line terminator.
    pub text: &'a str,
    /// 1-based line number within its file.
    pub number: u64,
    /// Byte offset of the line's first byte within its file (for mappers
    /// that report file offsets; none of today's subcommands needs it).
    #[allow(dead_code)]
    pub offset: u64,
    /// Byte offset of `text` within its line: 0, except for the later
    /// pieces of a line longer than [`BATCH_BYTES`] handed over in pieces
    /// (see [`map_lines_in_pieces`]).
    pub column: usize,
    /// Whether `text` ends its line (false for a piece the next one continues).
    pub ends_line: bool,
}

/// How a mapper's output relates to the input's line terminators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Terminator {
    /// The engine writes each input line's own terminator (`\n`, `\r\n`, or
    /// none for a last line without one) after the mapper's output: the
    /// one-output-line-per-input-line protocol.
    Preserve,
    /// The mapper writes whole lines itself, each ending in `\n` (JSONL, one
    /// sentence per line); the engine adds nothing.
    Mapper,
}

/// Bytes of whole lines per batch handed to one rayon task (a longer line
/// makes a batch of its own). 256 KB runs as fast as 512 KB and halves the
/// memory in flight, which counts where output outgrows input (JSONL).
const BATCH_BYTES: usize = 1 << 18;
/// Bytes asked of the input per read.
const READ_BYTES: usize = 1 << 18;
/// Batches read ahead of those being mapped, beyond three per worker.
const READ_AHEAD: usize = 2;
/// The most batches in flight (read and not yet written), whatever the
/// number of cores: what two cores use. Each holds its input (about 0.25 MB)
/// and its output (as much again, several times that as JSONL), so without
/// a cap the memory of a run grew with the number of cores.
const IN_FLIGHT_MAX: usize = 8;

/// Maps every line of every input through `map` and writes the results in
/// order, honouring `-o`, `--in-place` and `--lossy`.
///
/// `map` appends its output for one line to the buffer it is given. It runs
/// on several threads at once, so it must be `Sync`.
pub fn map_lines<F>(args: &InputArgs, terminator: Terminator, map: F) -> anyhow::Result<ExitCode>
where
    F: Fn(Line<'_>, &mut String) + Sync,
{
    map_lines_with(args, Mapping { lossy: args.lossy, terminator, pieces: false, map: &map, runs: None })
}

/// [`map_lines`] for mappers that accept a line in pieces: a line longer
/// than [`BATCH_BYTES`] is cut at a sentence start (else after white space)
/// into pieces mapped one by one, so memory stays bounded whatever the
/// line's length. The mapper sees each piece's [`Line::column`] and
/// [`Line::ends_line`]; it must give, piece by piece, what it gives for the
/// whole line.
pub fn map_lines_in_pieces<F>(args: &InputArgs, terminator: Terminator, map: F) -> anyhow::Result<ExitCode>
where
    F: Fn(Line<'_>, &mut String) + Sync,
{
    map_lines_with(args, Mapping { lossy: args.lossy, terminator, pieces: true, map: &map, runs: None })
}

/// A line of a run (see [`map_line_runs`]) and its terminator (`\r\n`,
/// `\n` or none).
pub fn line_and_terminator(line: &str) -> (&str, &'static str) {
    let (body, terminator) = split_terminator(line.as_bytes());
    (&line[..body.len()], terminator)
}

/// Appends the output for a run of whole lines (terminators included) that
/// starts at the given 1-based line number (see [`map_line_runs`]).
pub type MapRun<'a> = dyn Fn(&str, u64, &mut String) + Sync + 'a;

/// Maps runs of whole lines, a batch at a time, so that short lines cost as
/// little as long ones and a mapper may read a line in the light of the lines
/// around it (restoration reads the undecided lines of a legacy-keyboard
/// document as legacy; a run is the document). Input with invalid UTF-8
/// under `--lossy` is decoded a batch at a time too.
///
/// With [`Terminator::Preserve`], the one-output-line-per-input-line
/// protocol, the mapper writes each line's terminator after it, and a line
/// longer than a batch comes in pieces (as [`map_lines_in_pieces`]), each a
/// run of its own. With [`Terminator::Mapper`], it writes whole lines of its
/// own, and a line always comes whole.
pub fn map_line_runs(args: &InputArgs, terminator: Terminator, map_run: &MapRun<'_>) -> anyhow::Result<ExitCode> {
    let per_line = |line: Line<'_>, out: &mut String| map_run(line.text, line.number, out);
    let pieces = terminator == Terminator::Preserve;
    map_lines_with(args, Mapping { lossy: args.lossy, terminator, pieces, map: &per_line, runs: Some(map_run) })
}

/// How lines are mapped: what each layer of the engine hands to the next.
struct Mapping<'m, F> {
    /// `--lossy`.
    lossy: bool,
    terminator: Terminator,
    /// Cut lines longer than a batch into pieces.
    pieces: bool,
    /// Maps one line.
    map: &'m F,
    /// Maps runs of lines instead, where the input allows (valid UTF-8).
    runs: Option<&'m MapRun<'m>>,
}

fn map_lines_with<F>(args: &InputArgs, mapping: Mapping<'_, F>) -> anyhow::Result<ExitCode>
where
    F: Fn(Line<'_>, &mut String) + Sync,
{
    let inputs = input_paths(args);
    if args.in_place {
        for path in &inputs {
            if path == Path::new("-") {
                bail!("--in-place needs FILE arguments: standard input cannot be rewritten");
            }
            // No check before the run: on an error the temporary file is
            // dropped, and the original stays as it was.
            let mut sink = AtomicFile::beside(path)?;
            let replaced = map_one(path, &mapping, sink.writer())?;
            sink.commit(path)?;
            report_lossy(path, replaced);
        }
        return Ok(ExitCode::SUCCESS);
    }
    match &args.output {
        // No check before the run: on an error the temporary file is
        // dropped, and the target is not touched.
        Some(target) => {
            let mut sink = AtomicFile::beside(target)?;
            for path in &inputs {
                let replaced = map_one(path, &mapping, sink.writer())?;
                report_lossy(path, replaced);
            }
            sink.commit(target)?;
        }
        None => {
            // What goes to standard output cannot be taken back: files are
            // checked for valid UTF-8 before anything is written.
            for path in &inputs {
                check_utf8_unless_lossy(path, args.lossy)?;
            }
            let stdout = io::stdout();
            let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
            for path in &inputs {
                let replaced = map_one(path, &mapping, &mut out)?;
                report_lossy(path, replaced);
            }
            out.flush()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The input paths, with `-` standing for standard input when none is given.
pub fn input_paths(args: &InputArgs) -> Vec<PathBuf> {
    if args.files.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.files.clone()
    }
}

/// Opens `path` for reading (`-` is standard input), with its size when known.
pub fn open_input(path: &Path) -> anyhow::Result<(Box<dyn Read + Send>, Option<u64>)> {
    if path == Path::new("-") {
        return Ok((Box::new(io::stdin()), None));
    }
    let file = File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let size = file.metadata().ok().map(|m| m.len());
    Ok((Box::new(file), size))
}

/// Reads a whole input as text (for subcommands that need a whole document),
/// with the same UTF-8 policy as the line engine.
pub fn read_to_string(path: &Path, lossy: bool) -> anyhow::Result<String> {
    let (mut reader, _) = open_input(path)?;
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes).with_context(|| format!("cannot read {}", display(path)))?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(err) if lossy => {
            let text = String::from_utf8_lossy(err.as_bytes()).into_owned();
            report_lossy(path, count_replaced(err.as_bytes()));
            Ok(text)
        }
        Err(err) => Err(invalid_utf8(path, err.utf8_error().valid_up_to() as u64)),
    }
}

/// Before anything is written to standard output, a regular file is checked
/// whole so that invalid UTF-8 stops the run with nothing written. Standard
/// input and other streams (a pipe, a device) cannot be read twice: they are
/// checked as they stream.
fn check_utf8_unless_lossy(path: &Path, lossy: bool) -> anyhow::Result<()> {
    if lossy || path == Path::new("-") {
        return Ok(());
    }
    // `stat`, not `open`: opening a pipe to check it would take its data.
    let meta = std::fs::metadata(path).with_context(|| format!("cannot open {}", path.display()))?;
    if !meta.is_file() {
        return Ok(());
    }
    let file = File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    // Checked in pieces on all cores.
    check_file_in_pieces(path, &file, meta.len())
}

/// Bytes of a file checked by one task of [`check_file_in_pieces`]: each
/// worker holds one piece, so larger pieces cost memory per core (4 MB
/// pieces were a third of the peak on 8 threads) and gain no speed.
const CHECK_PIECE: u64 = 512 << 10;

/// Checks a regular file of `len` bytes for valid UTF-8, pieces in parallel;
/// the error names the first invalid byte.
fn check_file_in_pieces(path: &Path, file: &File, len: u64) -> anyhow::Result<()> {
    use std::os::unix::fs::FileExt;
    let starts: Vec<u64> = (0..len).step_by(CHECK_PIECE as usize).collect();
    // Each piece also reads the up to 3 bytes after it, to finish a
    // character cut at its end; it skips the up to 3 continuation bytes at
    // its start, which end the previous piece's last character.
    let first_error = starts
        .par_iter()
        // One buffer per worker, kept at its largest length: a fresh one per
        // piece cost a page fault and the kernel's zeroing for every page read.
        .map_init(Vec::new, |buf: &mut Vec<u8>, &start| -> io::Result<Option<u64>> {
            let end = (start + CHECK_PIECE).min(len);
            let read_end = (end + 3).min(len);
            let want = (read_end - start) as usize;
            if buf.len() < want {
                buf.resize(want, 0);
            }
            let buf = &mut buf[..want];
            file.read_exact_at(buf, start)?;
            let is_continuation = |b: u8| b & 0xC0 == 0x80;
            let begin = if start == 0 { 0 } else { buf.iter().take(3).take_while(|&&b| is_continuation(b)).count() };
            let piece_len = (end - start) as usize;
            let stop = if end == len {
                buf.len()
            } else {
                piece_len + buf[piece_len..].iter().take_while(|&&b| is_continuation(b)).count()
            };
            let body = &buf[begin..stop];
            if simdutf8::basic::from_utf8(body).is_ok() {
                return Ok(None);
            }
            let valid = std::str::from_utf8(body).map_or_else(|err| err.valid_up_to(), |_| body.len());
            Ok(Some(start + (begin + valid) as u64))
        })
        .collect::<io::Result<Vec<Option<u64>>>>()
        .with_context(|| format!("cannot read {}", path.display()))?
        .into_iter()
        .flatten()
        .min();
    match first_error {
        Some(offset) => Err(invalid_utf8(path, offset)),
        None => Ok(()),
    }
}

fn invalid_utf8(path: &Path, offset: u64) -> anyhow::Error {
    anyhow::anyhow!("{}: invalid UTF-8 at byte offset {offset} (use --lossy to replace it)", display(path))
}

fn display(path: &Path) -> String {
    if path == Path::new("-") {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    }
}

fn report_lossy(path: &Path, replaced: u64) {
    if replaced > 0 {
        eprintln!("sorani: {}: replaced {replaced} invalid UTF-8 byte(s) with U+FFFD", display(path));
    }
}

fn count_replaced(bytes: &[u8]) -> u64 {
    let mut count = 0u64;
    for chunk in bytes.utf8_chunks() {
        count += chunk.invalid().len() as u64;
    }
    count
}

/// A batch of raw lines read from one input.
struct Batch {
    bytes: Vec<u8>,
    /// Lines in `bytes` (a last one without a line end included).
    lines: usize,
    first_line: u64,
    first_offset: u64,
    /// Byte offset of the first line's start within that line (a piece).
    first_column: usize,
    /// Whether the last line continues in the next batch (a piece).
    continues: bool,
}

/// Streams one input through `map` into `out`; returns the count of bytes
/// replaced under `--lossy`.
///
/// A reader thread reads batches and hands each to the rayon pool the moment
/// it is read, while this thread writes the results in input order: no
/// worker waits for a batch that is already read.
fn map_one<F, W>(path: &Path, mapping: &Mapping<'_, F>, out: &mut W) -> anyhow::Result<u64>
where
    F: Fn(Line<'_>, &mut String) + Sync,
    W: Write + ?Sized,
{
    let (reader, size) = open_input(path)?;
    let progress = progress_bar(size);
    // Batches read and not yet written: enough to keep every worker busy
    // while the next batch in order finishes, few enough that memory stays
    // bounded.
    let in_flight_max = (rayon::current_num_threads().max(1) * 3 + READ_AHEAD).min(IN_FLIGHT_MAX);
    let mut replaced = 0u64;
    let recycler = Recycler::default();
    let recycler = &recycler;
    rayon::in_place_scope(|tasks| {
        std::thread::scope(|threads| -> anyhow::Result<()> {
            // A batch's mapping (text, bytes replaced) and the batch itself
            // (`None` where the input could not be read), sent with the
            // batch's place in the input.
            type Outcome = (anyhow::Result<(String, u64)>, Option<Batch>);
            let (send_result, results) = std::sync::mpsc::channel::<(u64, Outcome)>();
            // One permit per batch in flight: the reader takes one before it
            // reads, the writer gives it back once the batch is written (or
            // stops, which ends the reader).
            let (take_permit, permits) = std::sync::mpsc::sync_channel::<()>(in_flight_max);
            threads.spawn(move || {
                let mut reader = BatchReader::new(reader, mapping.pieces, recycler);
                for seq in 0u64.. {
                    if take_permit.send(()).is_err() {
                        return;
                    }
                    let batch = match reader.next_batch() {
                        Ok(Some(batch)) => batch,
                        Ok(None) => return,
                        Err(err) => {
                            let err = anyhow::Error::new(err).context(format!("cannot read {}", display(path)));
                            let _ = send_result.send((seq, (Err(err), None)));
                            return;
                        }
                    };
                    let send = send_result.clone();
                    tasks.spawn(move |_| {
                        // A panic becomes this batch's error (else the wait
                        // for its result would never end).
                        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                            map_batch(path, &batch, mapping, recycler)
                        }))
                        .unwrap_or_else(|_| {
                            Err(anyhow::anyhow!(
                                "internal error while processing {} from line {}",
                                display(path),
                                batch.first_line
                            ))
                        });
                        let _ = send.send((seq, (result, Some(batch))));
                    });
                }
            });
            // Results arrive in any order and are written in input order; the
            // channel ends when the reader and every task are done.
            let mut ready: std::collections::BTreeMap<u64, Outcome> = std::collections::BTreeMap::new();
            let mut written = 0u64;
            for (seq, outcome) in results {
                ready.insert(seq, outcome);
                while let Some((result, batch)) = ready.remove(&written) {
                    let (text, bad) = result?;
                    replaced += bad;
                    out.write_all(text.as_bytes())?;
                    if let Some(batch) = batch {
                        if let Some(bar) = &progress {
                            bar.set_position(batch.first_offset + batch.bytes.len() as u64);
                        }
                        recycler.give_back(batch, text);
                    }
                    written += 1;
                    let _ = permits.recv();
                }
            }
            Ok(())
        })
    })?;
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    Ok(replaced)
}

/// Buffers handed back after a batch is written, for the next batches:
/// fresh megabyte buffers each time cost page faults (a fifth of the run
/// time of a light subcommand).
#[derive(Default)]
struct Recycler {
    bytes: std::sync::Mutex<Vec<Vec<u8>>>,
    ends: std::sync::Mutex<Vec<Vec<usize>>>,
    texts: std::sync::Mutex<Vec<String>>,
}

/// Most buffers of each kind kept for reuse.
const RECYCLED: usize = 32;
/// Bytes of a batch at most, unless one line is longer: a batch stops at the
/// first line end once it holds [`BATCH_BYTES`], and reads add [`READ_BYTES`]
/// at a time. Buffers are made this large (a fifth more for output, which
/// may grow) so that a recycled one never needs to grow.
const BATCH_BYTES_MAX: usize = BATCH_BYTES + READ_BYTES;

impl Recycler {
    fn bytes(&self) -> Vec<u8> {
        let mut buf = take(&self.bytes);
        buf.clear();
        buf.reserve(BATCH_BYTES_MAX);
        buf
    }

    fn ends(&self) -> Vec<usize> {
        let mut ends = take(&self.ends);
        ends.clear();
        ends
    }

    fn text(&self, capacity: usize) -> String {
        let mut buf = take(&self.texts);
        buf.clear();
        buf.reserve(capacity.max(BATCH_BYTES_MAX + BATCH_BYTES_MAX / 4));
        buf
    }

    fn give_back_ends(&self, ends: Vec<usize>) {
        if ends.capacity() <= BATCH_BYTES {
            put(&self.ends, ends);
        }
    }

    fn give_back(&self, batch: Batch, text: String) {
        // A buffer grown by one huge line is let go, not kept.
        let keep = |capacity: usize| capacity <= 4 * BATCH_BYTES;
        if keep(batch.bytes.capacity()) {
            put(&self.bytes, batch.bytes);
        }
        if keep(text.capacity()) {
            put(&self.texts, text);
        }
    }
}

/// A recycled item from `pool`, or a new one.
fn take<T: Default>(pool: &std::sync::Mutex<Vec<T>>) -> T {
    pool.lock().ok().and_then(|mut pool| pool.pop()).unwrap_or_default()
}

/// Keeps `item` in `pool` for reuse, unless the pool is full.
fn put<T>(pool: &std::sync::Mutex<Vec<T>>, item: T) {
    if let Ok(mut pool) = pool.lock() {
        if pool.len() < RECYCLED {
            pool.push(item);
        }
    }
}

/// Cuts an input into [`Batch`]es of whole lines, reading large blocks (a
/// batch holds about [`BATCH_BYTES`], or one longer line).
struct BatchReader<'a, R> {
    reader: R,
    recycler: &'a Recycler,
    /// Bytes read past the last batch's final line end.
    pending: Vec<u8>,
    next_line: u64,
    next_offset: u64,
    /// Offset within its line of the next batch's first byte.
    next_column: usize,
    eof: bool,
    /// Cut lines longer than a batch into pieces.
    pieces: bool,
}

impl<'a, R: Read> BatchReader<'a, R> {
    fn new(reader: R, pieces: bool, recycler: &'a Recycler) -> Self {
        BatchReader {
            reader,
            recycler,
            pending: Vec::new(),
            next_line: 1,
            next_offset: 0,
            next_column: 0,
            eof: false,
            pieces,
        }
    }

    fn next_batch(&mut self) -> io::Result<Option<Batch>> {
        let mut bytes = self.recycler.bytes();
        // Copied, not moved: `pending` keeps its buffer for the next batch.
        bytes.extend_from_slice(&self.pending);
        self.pending.clear();
        // Read until the batch is full and holds a line end, or the input ends.
        let cut = loop {
            if self.eof {
                // At the end of the input, a last line without a line end too.
                break bytes.len();
            }
            if bytes.len() >= BATCH_BYTES {
                if let Some(last_end) = memchr::memrchr(b'\n', &bytes) {
                    break last_end + 1;
                }
                if self.pieces {
                    break piece_cut(&bytes);
                }
            }
            bytes.reserve(READ_BYTES);
            // `take` + `read_to_end` fills the spare capacity without zeroing it.
            let read = (&mut self.reader).take(READ_BYTES as u64).read_to_end(&mut bytes)?;
            if read == 0 {
                self.eof = true;
            }
        };
        self.pending.extend_from_slice(&bytes[cut..]);
        bytes.truncate(cut);
        if bytes.is_empty() {
            return Ok(None);
        }
        // Lines are counted here (a vectorized count); where each ends is
        // found by the worker that maps the batch, and only if it needs it.
        let ends_with_newline = bytes.last() == Some(&b'\n');
        let lines = memchr::memchr_iter(b'\n', &bytes).count() + usize::from(!ends_with_newline);
        let continues = !ends_with_newline && !(self.eof && self.pending.is_empty());
        let last_start = memchr::memrchr(b'\n', &bytes).map_or(0, |p| p + 1);
        let batch = Batch {
            first_line: self.next_line,
            first_offset: self.next_offset,
            first_column: self.next_column,
            continues,
            lines,
            bytes,
        };
        self.next_line += batch.lines as u64 - u64::from(continues);
        self.next_offset += batch.bytes.len() as u64;
        self.next_column = if !continues {
            0
        } else if batch.lines > 1 {
            batch.bytes.len() - last_start
        } else {
            self.next_column + batch.bytes.len()
        };
        Ok(Some(batch))
    }
}

/// Where to end a piece of a line that fills `bytes` without a line end:
/// at the start of the last sentence in the buffer's last 64 KB (so pieces
/// hold whole sentences: capitals, sentence output and context stay what
/// they are for the whole line), else after the last ASCII white space,
/// else at the last character start. Never 0.
fn piece_cut(bytes: &[u8]) -> usize {
    let tail_start = bytes.len().saturating_sub(1 << 16);
    // Start the tail at a character boundary; an invalid tail skips the sentence cut.
    let tail_start = (tail_start..bytes.len()).find(|&i| bytes[i] & 0xC0 != 0x80).unwrap_or(bytes.len());
    let tail_end = bytes.iter().rposition(|&b| b & 0xC0 != 0x80).unwrap_or(0).max(tail_start);
    if let Ok(tail) = std::str::from_utf8(&bytes[tail_start..tail_end]) {
        if let Some(last) = sorani::sentence::sentence_spans(tail).last() {
            if last.start > 0 {
                return tail_start + last.start;
            }
        }
    }
    if let Some(space) = bytes.iter().rposition(|&b| matches!(b, b' ' | b'\t')) {
        if space + 1 < bytes.len() {
            return space + 1;
        }
    }
    tail_end.max(1)
}

fn map_batch<F>(
    path: &Path,
    batch: &Batch,
    mapping: &Mapping<'_, F>,
    recycler: &Recycler,
) -> anyhow::Result<(String, u64)>
where
    F: Fn(Line<'_>, &mut String) + Sync,
{
    let Mapping { runs, .. } = *mapping;
    let mut out = recycler.text(batch.bytes.len() + batch.bytes.len() / 4);
    // Valid input (the usual case) is validated once per batch: lines are
    // then slices of it, cut at line ends, which are character boundaries.
    let valid = simdutf8::basic::from_utf8(&batch.bytes);
    if let (Ok(whole), Some(map_run)) = (valid, runs) {
        map_run(whole, batch.first_line, &mut out);
        return Ok((out, 0));
    }
    if let (Err(_), Some(map_run), true) = (valid, runs, mapping.lossy) {
        map_run(&String::from_utf8_lossy(&batch.bytes), batch.first_line, &mut out);
        return Ok((out, count_replaced(&batch.bytes)));
    }
    let mut ends = recycler.ends();
    ends.extend(memchr::memchr_iter(b'\n', &batch.bytes).map(|p| p + 1));
    if ends.last() != Some(&batch.bytes.len()) {
        ends.push(batch.bytes.len());
    }
    let result = map_lines_of_batch(path, batch, valid.ok(), &ends, mapping, &mut out);
    recycler.give_back_ends(ends);
    result.map(|replaced| (out, replaced))
}

/// [`map_batch`] line by line; the lines of `batch` end at `ends`, and
/// `valid` is its text when it is valid UTF-8.
fn map_lines_of_batch<F>(
    path: &Path,
    batch: &Batch,
    valid: Option<&str>,
    ends: &[usize],
    mapping: &Mapping<'_, F>,
    out: &mut String,
) -> anyhow::Result<u64>
where
    F: Fn(Line<'_>, &mut String) + Sync,
{
    let Mapping { lossy, terminator, map, .. } = *mapping;
    if let Some(whole) = valid {
        let mut start = 0usize;
        for (index, &end) in ends.iter().enumerate() {
            let raw = &whole[start..end];
            let text = raw.strip_suffix('\n').map_or(raw, |t| t.strip_suffix('\r').unwrap_or(t));
            let ending = &raw[text.len()..];
            let offset = batch.first_offset + start as u64;
            map(line_of(batch, ends.len(), index, text, offset), out);
            if terminator == Terminator::Preserve {
                out.push_str(ending);
            }
            start = end;
        }
        return Ok(0);
    }
    let mut replaced = 0u64;
    let mut start = 0usize;
    for (index, &end) in ends.iter().enumerate() {
        let raw = &batch.bytes[start..end];
        let (body, ending) = split_terminator(raw);
        let offset = batch.first_offset + start as u64;
        let owned;
        // SIMD validation (most input is valid); the exact error, when there
        // is one, comes from the standard library.
        let checked = match simdutf8::basic::from_utf8(body) {
            Ok(text) => Ok(text),
            Err(_) => std::str::from_utf8(body),
        };
        let text = match checked {
            Ok(text) => text,
            Err(err) if lossy => {
                replaced += count_replaced(body);
                owned = String::from_utf8_lossy(body).into_owned();
                let _ = err;
                &owned
            }
            Err(err) => return Err(invalid_utf8(path, offset + err.valid_up_to() as u64)),
        };
        map(line_of(batch, ends.len(), index, text, offset), out);
        if terminator == Terminator::Preserve {
            out.push_str(ending);
        }
        start = end;
    }
    Ok(replaced)
}

/// The [`Line`] for line `index` of `batch`, which has `lines` lines.
fn line_of<'a>(batch: &Batch, lines: usize, index: usize, text: &'a str, offset: u64) -> Line<'a> {
    Line {
        text,
        number: batch.first_line + index as u64,
        offset,
        column: if index == 0 { batch.first_column } else { 0 },
        ends_line: !(batch.continues && index + 1 == lines),
    }
}

/// Splits a raw line into its body and its terminator (`\r\n`, `\n` or none).
fn split_terminator(raw: &[u8]) -> (&[u8], &'static str) {
    if let Some(body) = raw.strip_suffix(b"\r\n") {
        (body, "\r\n")
    } else if let Some(body) = raw.strip_suffix(b"\n") {
        (body, "\n")
    } else {
        (raw, "")
    }
}

/// A progress bar on standard error, only when it is a terminal and the input
/// size is known.
pub fn progress_bar(size: Option<u64>) -> Option<indicatif::ProgressBar> {
    let size = size?;
    if !io::stderr().is_terminal() || size < (8 << 20) {
        return None;
    }
    let bar = indicatif::ProgressBar::new(size);
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{bar:40} {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} eta {eta}",
        )
        .expect("a valid progress template"),
    );
    Some(bar)
}

/// A file written beside its target and renamed over it only on success, so
/// the target is never left half-written.
pub struct AtomicFile {
    temp: BufWriter<tempfile::NamedTempFile>,
}

impl AtomicFile {
    /// A temporary file in the same directory as `target` (so the rename is atomic).
    pub fn beside(target: &Path) -> anyhow::Result<Self> {
        let dir = match target.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        let temp = tempfile::Builder::new()
            .prefix(".sorani-")
            .tempfile_in(dir)
            .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
        Ok(AtomicFile { temp: BufWriter::with_capacity(1 << 16, temp) })
    }

    /// Where to write.
    pub fn writer(&mut self) -> &mut dyn Write {
        &mut self.temp
    }

    /// Flushes and renames the temporary file over `target`, keeping the
    /// target's permissions when it already exists.
    pub fn commit(self, target: &Path) -> anyhow::Result<()> {
        let temp = self.temp.into_inner().map_err(|err| err.into_error())?;
        temp.as_file().sync_all()?;
        if let Ok(meta) = std::fs::metadata(target) {
            let _ = std::fs::set_permissions(temp.path(), meta.permissions());
        }
        temp.persist(target).with_context(|| format!("cannot write {}", target.display()))?;
        Ok(())
    }
}

/// Prints an error on standard error and returns exit status 2, except for a
/// closed pipe on standard output, which is not an error (exit 0).
pub fn report_error(err: &anyhow::Error) -> ExitCode {
    let broken_pipe = err
        .chain()
        .filter_map(|cause| cause.downcast_ref::<io::Error>())
        .any(|io_err| io_err.kind() == io::ErrorKind::BrokenPipe);
    if broken_pipe {
        return ExitCode::SUCCESS;
    }
    eprintln!("sorani: {err:#}");
    ExitCode::from(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminators_are_split_off() {
        assert_eq!(split_terminator(b"a\r\n"), (&b"a"[..], "\r\n"));
        assert_eq!(split_terminator(b"a\n"), (&b"a"[..], "\n"));
        assert_eq!(split_terminator(b"a"), (&b"a"[..], ""));
    }

    #[test]
    fn replaced_bytes_are_counted() {
        assert_eq!(count_replaced(b"ok\xff\xfeok"), 2);
        assert_eq!(count_replaced("ئەوە".as_bytes()), 0);
    }

    #[test]
    fn batches_keep_line_numbers_and_offsets() {
        let text = "یەک\nدوو\r\nسێ";
        let recycler = Recycler::default();
        let mut reader = BatchReader::new(io::Cursor::new(text.as_bytes()), false, &recycler);
        let batch = reader.next_batch().unwrap().unwrap();
        assert!(reader.next_batch().unwrap().is_none());
        assert_eq!(batch.lines, 3);
        let seen = std::sync::Mutex::new(Vec::new());
        let each_line = |line: Line<'_>, out: &mut String| {
            out.push_str(line.text);
            seen.lock().unwrap().push((line.number, line.offset, line.text.to_string()));
        };
        let mapping =
            Mapping { lossy: false, terminator: Terminator::Preserve, pieces: false, map: &each_line, runs: None };
        let (out, replaced) = map_batch(Path::new("t"), &batch, &mapping, &recycler).unwrap();
        assert_eq!(out, text);
        assert_eq!(replaced, 0);
        let want = [(1, 0, "یەک"), (2, 7, "دوو"), (3, 15, "سێ")];
        let seen = std::mem::take(&mut *seen.lock().unwrap());
        assert_eq!(seen.len(), want.len());
        for ((number, offset, line), (n, o, l)) in seen.iter().zip(want) {
            assert_eq!((*number, *offset, line.as_str()), (n, o, l));
        }
        // A mapper of runs without `prepare` gets the batch whole.
        let calls = std::sync::atomic::AtomicUsize::new(0);
        let map_run = |run: &str, first_line: u64, out: &mut String| {
            assert_eq!(first_line, 1);
            calls.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            out.push_str(&run.replace('\n', "|\n"));
        };
        let (out, _) =
            map_batch(Path::new("t"), &batch, &Mapping { runs: Some(&map_run), ..mapping }, &recycler).unwrap();
        assert_eq!(out, text.replace('\n', "|\n"));
        assert_eq!(calls.into_inner(), 1);
    }
}
