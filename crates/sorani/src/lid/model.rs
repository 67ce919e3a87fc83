//! The binary model format: a table of quantized per-class n-gram weights
//! (naive Bayes log-probabilities) with its calibration parameters.
//!
//! Layout (little-endian): magic `SLID`, format version `u8`, feature version
//! `u8`, hash bits `u8`, label count `u8`, then `f32` scale (quantized units
//! per nat), `f32` temperature, `f32` length exponent, the labels (each a
//! length byte and UTF-8), one `f32` log-prior per label, then `buckets × labels` `i8` weights, bucket-major.

use crate::error::{Error, ErrorKind};

use super::features::FEATURE_VERSION;
use super::labels::{label_index, LABELS};

const MAGIC: &[u8; 4] = b"SLID";
const FORMAT_VERSION: u8 = 2;

/// Weight lanes per bucket in memory (labels padded to a SIMD-friendly width).
pub const LANES: usize = 16;

/// A trained model.
#[derive(Debug, Clone)]
pub struct Model {
    /// `log2` of the number of hash buckets.
    pub bits: u32,
    /// The model's classes, as indices into [`LABELS`].
    pub labels: Vec<usize>,
    /// Quantized units per nat of log-probability.
    pub scale: f32,
    /// Calibration: score differences are divided by
    /// `temperature * features^length_exponent` before the softmax.
    pub temperature: f32,
    /// See `temperature`.
    pub length_exponent: f32,
    /// Log-prior of each class in nats, added after the temperature.
    pub bias: Vec<f32>,
    /// One row of `LANES` weights per bucket (unused lanes are zero).
    pub table: Vec<[i8; LANES]>,
}

impl Model {
    /// Reads a model from its binary form.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, Error> {
        let bad = |why: &str| Error::new(ErrorKind::InvalidData, format!("language identification model: {why}"));
        if bytes.len() < 20 || &bytes[..4] != MAGIC {
            return Err(bad("not a model file (bad magic)"));
        }
        if bytes[4] != FORMAT_VERSION {
            return Err(bad(&format!("format version {} is not {FORMAT_VERSION}", bytes[4])));
        }
        if bytes[5] != FEATURE_VERSION {
            return Err(bad(&format!(
                "trained with feature version {}, this library uses {FEATURE_VERSION}",
                bytes[5]
            )));
        }
        let bits = bytes[6] as u32;
        if !(8..=24).contains(&bits) {
            return Err(bad("hash bits out of range"));
        }
        let count = bytes[7] as usize;
        if count == 0 || count > LANES {
            return Err(bad("label count out of range"));
        }
        let f = |at: usize| f32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
        let (scale, temperature, length_exponent) = (f(8), f(12), f(16));
        if !(scale.is_finite()
            && scale > 0.0
            && temperature.is_finite()
            && temperature > 0.0
            && length_exponent.is_finite())
        {
            return Err(bad("calibration parameters out of range"));
        }
        let mut at = 20;
        let mut labels = Vec::with_capacity(count);
        for _ in 0..count {
            let len = *bytes.get(at).ok_or_else(|| bad("truncated labels"))? as usize;
            let name = bytes.get(at + 1..at + 1 + len).ok_or_else(|| bad("truncated labels"))?;
            let name = std::str::from_utf8(name).map_err(|_| bad("label is not UTF-8"))?;
            labels.push(label_index(name).ok_or_else(|| bad(&format!("unknown label `{name}`")))?);
            at += 1 + len;
        }
        let mut bias = Vec::with_capacity(count);
        for _ in 0..count {
            let raw = bytes.get(at..at + 4).ok_or_else(|| bad("truncated biases"))?;
            let value = f32::from_le_bytes([raw[0], raw[1], raw[2], raw[3]]);
            if !value.is_finite() || value.abs() > 100.0 {
                return Err(bad("class bias out of range"));
            }
            bias.push(value);
            at += 4;
        }
        let buckets = 1usize << bits;
        let body = &bytes[at..];
        if body.len() != buckets * count {
            return Err(bad(&format!("weight table has {} bytes, expected {}", body.len(), buckets * count)));
        }
        let mut table = vec![[0i8; LANES]; buckets];
        for (row, chunk) in table.iter_mut().zip(body.chunks_exact(count)) {
            for (lane, &byte) in row.iter_mut().zip(chunk) {
                *lane = byte as i8;
            }
        }
        Ok(Model { bits, labels, scale, temperature, length_exponent, bias, table })
    }

    /// The binary form read by [`Model::from_bytes`].
    pub fn to_bytes(&self) -> Vec<u8> {
        let count = self.labels.len();
        let mut out = Vec::with_capacity(64 + self.table.len() * count);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&[FORMAT_VERSION, FEATURE_VERSION, self.bits as u8, count as u8]);
        for value in [self.scale, self.temperature, self.length_exponent] {
            out.extend_from_slice(&value.to_le_bytes());
        }
        for &label in &self.labels {
            let name = LABELS[label].label;
            out.push(name.len() as u8);
            out.extend_from_slice(name.as_bytes());
        }
        for &value in &self.bias {
            out.extend_from_slice(&value.to_le_bytes());
        }
        for row in &self.table {
            out.extend(row[..count].iter().map(|&w| w as u8));
        }
        out
    }
}
