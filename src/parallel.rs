//! Work split over the machine's cores, its results taken in order.
//!
//! A large map's output (its DOT text, its nodes read from YAML) is made of
//! many small pieces that do not depend on each other but must come out in
//! the map's order. [`in_order`] makes consecutive chunks of them on one
//! thread per core and hands each chunk's result to the caller, in order,
//! so the output is the same bytes whatever the number of cores.

use std::num::NonZero;
use std::ops::Range;
use std::sync::mpsc;

/// Calls `make` on consecutive ranges of `0..len`, `chunk` items each (the
/// last may be shorter), on up to one thread per core, and hands the
/// results to `take` in the order of the ranges. The calling thread only
/// takes. At most two results per thread wait to be taken, so what is held
/// at once is bounded by the chunk size, not by `len`. When `take` fails,
/// the work stops and its error is returned. With one core, or one chunk,
/// everything runs on the calling thread.
pub(crate) fn in_order<T: Send, E>(
    len: usize,
    chunk: usize,
    make: impl Fn(Range<usize>) -> T + Sync,
    mut take: impl FnMut(T) -> Result<(), E>,
) -> Result<(), E> {
    let chunk = chunk.max(1);
    let chunks = len.div_ceil(chunk);
    let range = |c: usize| c * chunk..((c + 1) * chunk).min(len);
    let threads = std::thread::available_parallelism()
        .map_or(1, NonZero::get)
        .min(chunks);
    if threads <= 1 {
        for c in 0..chunks {
            take(make(range(c)))?;
        }
        return Ok(());
    }
    std::thread::scope(|scope| {
        let make = &make;
        // Thread `t` makes chunks t, t + threads, t + 2 × threads, …
        let results: Result<Vec<mpsc::Receiver<T>>, _> = (0..threads)
            .map(|t| {
                let (send, receive) = mpsc::sync_channel(1);
                std::thread::Builder::new()
                    .spawn_scoped(scope, move || {
                        for c in (t..chunks).step_by(threads) {
                            if send.send(make(range(c))).is_err() {
                                // The taker stopped.
                                return;
                            }
                        }
                    })
                    .map(|_| receive)
            })
            .collect();
        // A thread the system would not start: everything here (the
        // threads started stop at their first send).
        let Ok(results) = results else {
            for c in 0..chunks {
                take(make(range(c)))?;
            }
            return Ok(());
        };
        for c in 0..chunks {
            // A closed channel means its thread panicked: the scope
            // passes the panic on when it ends.
            let Ok(result) = results[c % threads].recv() else {
                break;
            };
            // On an error the receivers are dropped on return, so every
            // thread stops at its next send.
            take(result)?;
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::in_order;

    #[test]
    fn results_come_in_order_whatever_the_chunk() {
        for (len, chunk) in [(0, 3), (1, 3), (10, 1), (10, 3), (1000, 7), (5, 100)] {
            let mut seen = Vec::new();
            in_order(len, chunk, Iterator::collect::<Vec<_>>, |v| {
                seen.extend(v);
                Ok::<(), ()>(())
            })
            .unwrap();
            assert_eq!(seen, (0..len).collect::<Vec<_>>(), "{len} by {chunk}");
        }
    }

    #[test]
    fn an_error_stops_the_work() {
        let made = std::sync::atomic::AtomicUsize::new(0);
        let mut taken = 0;
        let r = in_order(
            100_000,
            1,
            |r| {
                made.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                r.start
            },
            |i| {
                taken += 1;
                if i == 10 { Err(i) } else { Ok(()) }
            },
        );
        assert_eq!(r, Err(10));
        assert_eq!(taken, 11);
        // Each thread makes at most a few chunks past the one that failed.
        assert!(made.into_inner() < 100, "the threads went on");
    }
}
