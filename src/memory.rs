//! Fallible allocation of the buffers that grow call after call (a descent's history) or whose size a call's
//! argument sets (the records of n steps): when memory is full the call is refused with
//! [`LabError::OutOfMemory`], naming the input that set the size, and changes nothing. In the wasm build memory is
//! full when it cannot grow (the engine's limit, at most 4 GiB); natively, when the system refuses. The boundary
//! makes room before it allocates the buffers whose size it knows in advance (a network and its data, a grid, a
//! copy of the caller's numbers), and keeps headroom for the small ones (messages, lists of layers): see
//! `wasm::alloc` and `wasm::input::room`.

use crate::error::{LabError, Result};

/// The refusal of an allocation of `bytes` bytes for `what` (e.g. "the grid"), sized by `field`.
pub fn out_of_memory(field: &'static str, what: &'static str, bytes: usize) -> LabError {
    LabError::OutOfMemory {
        field: Some(field),
        what,
        bytes: bytes as u64,
    }
}

/// Room for `additional` more items in `items`, growing its capacity as `Vec::reserve` does (amortized, for a
/// list that grows step by step); refused when memory is full.
pub fn reserve<T>(
    items: &mut Vec<T>,
    additional: usize,
    field: &'static str,
    what: &'static str,
) -> Result<()> {
    items
        .try_reserve(additional)
        .map_err(|_| out_of_memory(field, what, additional.saturating_mul(size_of::<T>())))
}

/// Room for exactly `additional` more items in `items`; refused when memory is full.
pub fn reserve_exact<T>(
    items: &mut Vec<T>,
    additional: usize,
    field: &'static str,
    what: &'static str,
) -> Result<()> {
    items
        .try_reserve_exact(additional)
        .map_err(|_| out_of_memory(field, what, additional.saturating_mul(size_of::<T>())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_allocation_memory_cannot_hold_is_refused_with_its_field_and_size() {
        let mut history: Vec<[f64; 8]> = Vec::new();
        let e = reserve(
            &mut history,
            usize::MAX / 64,
            "steps",
            "the descent's history",
        )
        .unwrap_err();
        assert_eq!(e.kind(), "outOfMemory");
        assert_eq!(e.field(), Some("steps"));
        assert!(history.is_empty() && history.capacity() == 0);
        let text = e.to_string();
        assert!(
            text.starts_with("not enough memory for the descent's history ("),
            "{text}"
        );
        assert!(text.contains("free() the networks and descents"), "{text}");
        let mut grid: Vec<f64> = Vec::new();
        assert!(reserve_exact(&mut grid, usize::MAX / 8, "nx·ny", "the grid").is_err());
        reserve_exact(&mut grid, 3, "nx·ny", "the grid").unwrap();
        assert!(grid.capacity() >= 3);
    }
}
