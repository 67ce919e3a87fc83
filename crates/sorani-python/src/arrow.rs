//! Arrow string arrays mapped without one Python object per string.
//!
//! Creating and reading millions of Python `str` objects costs more than the
//! Kurdish processing itself. An Arrow string array is two buffers, offsets
//! and UTF-8 bytes, so the Python side hands those over as `bytes`, this
//! module maps every string on all cores with the GIL released, and it returns
//! the two buffers of the result, which pyarrow wraps as a new array
//! (`python/sorani/__init__.py`, `_arrow_map`).

use std::ops::Range;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use rayon::prelude::*;

/// Strings per parallel task: large enough that scheduling is noise, small
/// enough that two cores share a batch evenly.
const BLOCK: usize = 2048;

/// Reads Arrow offsets (`width` bytes each, native endian) and checks that
/// they describe valid ranges of `data_len` bytes.
fn read_offsets(offsets: &[u8], width: usize, data_len: usize) -> PyResult<Vec<usize>> {
    if width != 4 && width != 8 {
        return Err(PyValueError::new_err(format!("offset width must be 4 or 8 bytes, not {width}")));
    }
    if offsets.is_empty() || offsets.len() % width != 0 {
        return Err(PyValueError::new_err("the offsets buffer must hold at least one whole offset"));
    }
    let values: Vec<i64> = offsets
        .chunks_exact(width)
        .map(|raw| match width {
            4 => i64::from(i32::from_ne_bytes(raw.try_into().expect("4 bytes"))),
            _ => i64::from_ne_bytes(raw.try_into().expect("8 bytes")),
        })
        .collect();
    let mut out = Vec::with_capacity(values.len());
    let mut previous = 0usize;
    for (i, &value) in values.iter().enumerate() {
        let value = usize::try_from(value).map_err(|_| PyValueError::new_err(format!("offset {i} is negative")))?;
        if (i > 0 && value < previous) || value > data_len {
            return Err(PyValueError::new_err(format!(
                "offset {i} ({value}) is out of order or past the end of the data ({data_len} bytes)"
            )));
        }
        previous = value;
        out.push(value);
    }
    Ok(out)
}

/// The mapped strings of one block: their bytes back to back, and where each ends.
struct Block {
    text: String,
    ends: Vec<usize>,
}

fn map_block(
    data: &[u8],
    offsets: &[usize],
    strings: Range<usize>,
    f: &(dyn Fn(&str, &mut String) + Sync),
) -> Result<Block, usize> {
    let mut block = Block { text: String::new(), ends: Vec::with_capacity(strings.len()) };
    for i in strings {
        // SIMD validation: the standard library's is slow on Arabic script.
        let text = simdutf8::basic::from_utf8(&data[offsets[i]..offsets[i + 1]]).map_err(|_| i)?;
        f(text, &mut block.text);
        block.ends.push(block.text.len());
    }
    Ok(block)
}

/// Maps every string of an Arrow string array given as its `offsets` and
/// `data` buffers through `f`, and returns the result's offsets (same width)
/// and data as `bytes`.
pub(crate) fn map_strings<'py>(
    py: Python<'py>,
    offsets: &[u8],
    data: &[u8],
    width: usize,
    f: &(dyn Fn(&str, &mut String) + Sync),
) -> PyResult<(Bound<'py, PyBytes>, Bound<'py, PyBytes>)> {
    let offsets = read_offsets(offsets, width, data.len())?;
    let count = offsets.len() - 1;
    let blocks: Vec<Range<usize>> = (0..count).step_by(BLOCK).map(|start| start..(start + BLOCK).min(count)).collect();
    let mapped: Result<Vec<Block>, usize> =
        py.detach(|| blocks.into_par_iter().map(|range| map_block(data, &offsets, range, f)).collect());
    let mapped = mapped.map_err(|i| PyValueError::new_err(format!("string {i} of the array is not valid UTF-8")))?;

    let total: usize = mapped.iter().map(|block| block.text.len()).sum();
    if width == 4 && total > i32::MAX as usize {
        return Err(PyValueError::new_err(
            "the result exceeds 2 GiB, the limit of an Arrow `string` array: pass a `large_string` array",
        ));
    }
    let mut out_offsets = Vec::with_capacity((count + 1) * width);
    let mut out_data = Vec::with_capacity(total);
    let mut push_offset = |value: usize| match width {
        4 => out_offsets.extend_from_slice(&(value as i32).to_ne_bytes()),
        _ => out_offsets.extend_from_slice(&(value as i64).to_ne_bytes()),
    };
    push_offset(0);
    for block in &mapped {
        let base = out_data.len();
        out_data.extend_from_slice(block.text.as_bytes());
        for &end in &block.ends {
            push_offset(base + end);
        }
    }
    Ok((PyBytes::new(py, &out_offsets), PyBytes::new(py, &out_data)))
}
