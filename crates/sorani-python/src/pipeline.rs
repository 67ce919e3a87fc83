//! Text batches mapped while Python strings are read and written.
//!
//! A `*_batch` function must turn every Python `str` into UTF-8 and every
//! result back into a `str`, which only the thread holding the GIL can do.
//! Done before and after the parallel work, that conversion leaves the other
//! cores idle. Here the calling thread reads one chunk of strings, hands it to
//! the rayon pool, reads the next, and turns finished chunks into Python
//! strings while later ones are being mapped.

use std::sync::mpsc;

use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};

/// Strings per chunk handed to the pool.
const CHUNK: usize = 2048;

/// `f` over every string of `texts`, in order, on all cores.
pub(crate) fn map_texts<'py, F>(py: Python<'py>, texts: &[Bound<'py, PyString>], f: F) -> PyResult<Bound<'py, PyList>>
where
    F: Fn(&str) -> String + Sync,
{
    let chunks = texts.len().div_ceil(CHUNK);
    let mut done: Vec<Option<Vec<Bound<'py, PyString>>>> = (0..chunks).map(|_| None).collect();
    let f = &f;
    rayon::in_place_scope(|scope| -> PyResult<()> {
        let (send, mut receive) = mpsc::channel::<(usize, Vec<String>)>();
        for (k, chunk) in texts.chunks(CHUNK).enumerate() {
            // UTF-8 views of the Python strings (cached in each str object,
            // which `texts` keeps alive until the scope has ended).
            let views: Vec<&str> = chunk.iter().map(|text| text.to_str()).collect::<PyResult<_>>()?;
            let send = send.clone();
            scope.spawn(move |_| {
                let mapped = views.iter().map(|text| f(text)).collect();
                // The receiver is gone only when an error ended the call.
                let _ = send.send((k, mapped));
            });
            take_finished(py, &receive, &mut done);
        }
        drop(send);
        // The rest, waiting without the GIL.
        loop {
            let (next, back) = py.detach(move || {
                let next = receive.recv();
                (next, receive)
            });
            receive = back;
            match next {
                Ok((k, mapped)) => done[k] = Some(mapped.iter().map(|s| PyString::new(py, s)).collect()),
                Err(_) => return Ok(()),
            }
        }
    })?;
    let mut out = Vec::with_capacity(texts.len());
    for chunk in done {
        // A missing chunk means a worker panicked; the scope has re-raised it.
        out.extend(chunk.expect("every chunk mapped"));
    }
    PyList::new(py, out)
}

/// Converts the chunks already mapped, without waiting.
fn take_finished<'py>(
    py: Python<'py>,
    receive: &mpsc::Receiver<(usize, Vec<String>)>,
    done: &mut [Option<Vec<Bound<'py, PyString>>>],
) {
    while let Ok((k, mapped)) = receive.try_recv() {
        done[k] = Some(mapped.iter().map(|s| PyString::new(py, s)).collect());
    }
}
