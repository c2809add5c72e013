//! The module's memory allocator: blocks in power-of-two size classes, each class with its own free list, carved
//! from memory the module grows page by page. It is a few hundred bytes of code where the standard library's
//! dlmalloc is about eight kilobytes, which matters for a module that is downloaded with every page.
//!
//! A block of class k holds 2^k bytes (at least 16) and is aligned to min(2^k, 4096), so a freed block serves any
//! later request of its class. Freed blocks go back to their class's list and are never split or merged: memory in
//! use stays within the sum of each class's peak, which for a page (a network, its data, a grid per frame) repeats
//! the same sizes call after call. WebAssembly memory never shrinks, whichever allocator runs.
//!
//! Running out of memory is a refusal, never a trap. Memory runs out when it cannot grow (the engine's limit, at
//! most 4 GiB): an allocation then returns null. Every allocation whose size a caller chooses (a grid, a
//! history, a network, its data) is large and made with `try_reserve`, which turns the null into an
//! `outOfMemory` refusal; the small ones (a message, a handle, a list of layers) cannot fail, so they are kept
//! from running out by [`HEADROOM`]: a large block is carved only if [`HEADROOM`] bytes stay free above it, and a
//! call that may allocate starts only when [`ensure_room`] finds that much free (or can grow memory to it).
#![cfg(target_arch = "wasm32")]

use std::alloc::{GlobalAlloc, Layout};
use std::cell::UnsafeCell;
use std::ptr::null_mut;

/// Size classes 2^4 (16 bytes) to 2^31.
const MIN_CLASS: u32 = 4;
const CLASSES: usize = 32;
/// The largest alignment a block gets (and so the largest a request may ask for).
const MAX_ALIGN: usize = 4096;
const PAGE: usize = 65536;
/// Memory kept free above the last large block for the small allocations of one call: far more than any call
/// makes in small blocks (its messages, keys and small lists, a few kilobytes).
pub(crate) const HEADROOM: usize = 256 * 1024;
/// A block of at least this many bytes is large: carved only with [`HEADROOM`] to spare above it.
const LARGE: usize = 64 * 1024;

struct State {
    /// The head of each class's free list (0: empty); a free block's first word is the next block's address.
    free: [usize; CLASSES],
    /// Unused memory from `next` to `end`, at the top of the module's memory.
    next: usize,
    end: usize,
}

/// The allocator; wasm32 here runs one thread, so the state needs no lock.
pub struct SizeClasses(UnsafeCell<State>);

// SAFETY: the module is single-threaded (no atomics or shared memory in this build).
unsafe impl Sync for SizeClasses {}

#[global_allocator]
static ALLOCATOR: SizeClasses = SizeClasses(UnsafeCell::new(State {
    free: [0; CLASSES],
    next: 0,
    end: 0,
}));

/// The class of a request: the smallest k with 2^k ≥ its size and alignment (and k ≥ 4); `None` past 2^31 or
/// for an alignment above [`MAX_ALIGN`].
fn class(layout: &Layout) -> Option<u32> {
    if layout.align() > MAX_ALIGN {
        return None;
    }
    let size = layout.size().max(layout.align()).max(1 << MIN_CLASS);
    let k = size.checked_next_power_of_two()?.trailing_zeros();
    (k < CLASSES as u32).then_some(k)
}

impl State {
    /// Makes `top` the least end of memory, growing memory when needed; false when it cannot grow.
    fn room_to(&mut self, top: usize) -> bool {
        if self.end == 0 {
            self.next = core::arch::wasm32::memory_size(0) * PAGE;
            self.end = self.next;
        }
        if top > self.end {
            let pages = (top - self.end).div_ceil(PAGE);
            if core::arch::wasm32::memory_grow(0, pages) == usize::MAX {
                return false;
            }
            self.end += pages * PAGE;
        }
        true
    }

    /// A new block of `size` bytes from the top of memory, growing memory when needed (for a large block, to
    /// [`HEADROOM`] above it); 0 when it cannot grow.
    fn carve(&mut self, size: usize) -> usize {
        // (before the first carve `next` is 0 and `room_to(0)` reads the memory's size)
        if !self.room_to(0) {
            return 0;
        }
        let start = (self.next + (size.min(MAX_ALIGN) - 1)) & !(size.min(MAX_ALIGN) - 1);
        let spare = if size >= LARGE { HEADROOM } else { 0 };
        let Some(top) = start.checked_add(size).and_then(|stop| stop.checked_add(spare)) else {
            return 0;
        };
        if !self.room_to(top) {
            return 0;
        }
        self.next = start + size;
        start
    }
}

/// True when `bytes` plus [`HEADROOM`] bytes are free above the last block, growing memory to make them free if
/// needed: then the small allocations of one call cannot fail (nor blocks of `bytes` in all, with their rounding
/// counted by the caller). A call that may allocate asks first, and is refused as out of memory when this is false.
pub(crate) fn ensure_room(bytes: usize) -> bool {
    // SAFETY: one thread, and nothing else holds the state during this call.
    let state = unsafe { &mut *ALLOCATOR.0.get() };
    state.room_to(0)
        && state
            .next
            .checked_add(HEADROOM)
            .and_then(|top| top.checked_add(bytes))
            .is_some_and(|top| state.room_to(top))
}

unsafe impl GlobalAlloc for SizeClasses {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let Some(k) = class(&layout) else {
            return null_mut();
        };
        // SAFETY: one thread, and no call below re-enters the allocator.
        let state = unsafe { &mut *self.0.get() };
        let head = state.free[k as usize];
        if head != 0 {
            // SAFETY: `head` is a freed block of this class; its first word links the next one.
            state.free[k as usize] = unsafe { *(head as *const usize) };
            return head as *mut u8;
        }
        state.carve(1 << k) as *mut u8
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let Some(k) = class(&layout) else {
            return;
        };
        // SAFETY: as in `alloc`; `ptr` is a block of class k that its owner gives back.
        let state = unsafe { &mut *self.0.get() };
        unsafe { *(ptr as *mut usize) = state.free[k as usize] };
        state.free[k as usize] = ptr as usize;
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller's layout is valid, and a new size from `realloc` keeps its alignment.
        let new = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        if class(&new).is_some() && class(&new) == class(&layout) {
            return ptr;
        }
        // SAFETY: as `GlobalAlloc::realloc`'s default: a new block, the old contents, the old block freed.
        unsafe {
            let out = self.alloc(new);
            if !out.is_null() {
                std::ptr::copy_nonoverlapping(ptr, out, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
            out
        }
    }
}
