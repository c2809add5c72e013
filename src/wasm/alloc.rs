//! The module's memory allocator: blocks in power-of-two size classes, each class with its own free list, carved
//! from memory the module grows page by page. It is a few hundred bytes of code where the standard library's
//! dlmalloc is about eight kilobytes, which matters for a module that is downloaded with every page.
//!
//! A block of class k holds 2^k bytes (at least 16) and is aligned to min(2^k, 4096), so a freed block serves any
//! later request of its class. Freed blocks go back to their class's list and are never merged: memory in use
//! stays within the sum of each class's peak, which for a page (a network, its data, a grid per frame) repeats the
//! same sizes call after call. Only when memory can no longer grow is a freed block of a larger class split in
//! halves to serve a smaller request, so that what a page frees serves whatever it asks for next. WebAssembly
//! memory never shrinks, whichever allocator runs.
//!
//! Running out of memory is a refusal, never a trap. Memory runs out when it cannot grow (the engine's limit, at
//! most 4 GiB): an allocation then returns null, which Rust's infallible collections turn into a trap. So every
//! allocation a caller sizes is either made with `try_reserve` (a descent's history, the records of n steps),
//! which turns the null into an `outOfMemory` refusal, or made only after [`ensure_room`] has found room for it
//! (a network and its data, a grid, a trace, a copy of the caller's numbers: sizes known in advance); and the
//! small ones (a message, a handle, a list of layers), which cannot fail, are kept from running out by
//! [`HEADROOM`]: a large block is carved only if [`HEADROOM`] bytes stay free above it, and the calls that keep
//! small blocks (the constructors) start only when [`ensure_room`] finds that much free.
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
        let Some(top) = start
            .checked_add(size)
            .and_then(|stop| stop.checked_add(spare))
        else {
            return 0;
        };
        if !self.room_to(top) {
            return 0;
        }
        self.next = start + size;
        start
    }
}

impl State {
    /// Pops a freed block of class k, or 0.
    fn pop(&mut self, k: usize) -> usize {
        let head = self.free[k];
        if head != 0 {
            // SAFETY: `head` is a freed block of this class; its first word links the next one.
            self.free[k] = unsafe { *(head as *const usize) };
        }
        head
    }

    /// Pushes a block of class k on its free list.
    fn push(&mut self, k: usize, block: usize) {
        // SAFETY: `block` is a block of class k that nothing uses; its first word becomes the link.
        unsafe { *(block as *mut usize) = self.free[k] };
        self.free[k] = block;
    }

    /// A block of class k split off the smallest freed block of a larger class (its other halves freed, one per
    /// class between), or 0: what memory that can no longer grow still holds, for any smaller request.
    fn split(&mut self, k: usize) -> usize {
        let Some(j) = (k + 1..CLASSES).find(|&j| self.free[j] != 0) else {
            return 0;
        };
        let block = self.pop(j);
        // a block of class i + 1 is two of class i, each aligned as class i requires
        for i in (k..j).rev() {
            self.push(i, block + (1 << i));
        }
        block
    }
}

/// True when memory can hold `bytes` plus [`HEADROOM`] more: free above the last block, or in one freed block that
/// can be split for them (blocks split into any smaller requests that add up to at most its size), or above the
/// last block once memory has grown (tried last, so that memory grows only when what was freed cannot serve).
/// Then the small allocations of one call cannot fail (nor blocks of `bytes` in all, with their rounding counted
/// by the caller). A call that may allocate asks first, and is refused as out of memory when this is false.
pub(crate) fn ensure_room(bytes: usize) -> bool {
    // SAFETY: one thread, and nothing else holds the state during this call.
    let state = unsafe { &mut *ALLOCATOR.0.get() };
    let Some(top) = HEADROOM.checked_add(bytes).and_then(|need| {
        state.room_to(0);
        state.next.checked_add(need)
    }) else {
        return false;
    };
    top <= state.end || state.free_blocks(class_of(top - state.next), 1) || state.room_to(top)
}

/// The class of a block of `size` bytes (a power of two ≥ size), or `CLASSES` past the largest.
fn class_of(size: usize) -> usize {
    size.max(1)
        .checked_next_power_of_two()
        .map_or(CLASSES, |n| n.trailing_zeros() as usize)
        .min(CLASSES)
}

impl State {
    /// Whether the free lists hold `want` blocks of class k or larger.
    fn free_blocks(&self, k: usize, want: usize) -> bool {
        let mut found = 0;
        for j in k..CLASSES {
            let mut block = self.free[j];
            while block != 0 {
                found += 1;
                if found >= want {
                    return true;
                }
                // SAFETY: a freed block's first word links the next one of its list.
                block = unsafe { *(block as *const usize) };
            }
        }
        want == 0
    }
}

/// True when memory can hold one block of `size` bytes and the [`HEADROOM`] of a call's small allocations: a
/// freed block of its class or larger, with the headroom free above the last block or in a second freed block at
/// least that large; or else room above the last block for both, growing memory (tried last, so that memory grows
/// only when what was freed cannot serve).
pub(crate) fn ensure_block(size: usize) -> bool {
    let k = class_of(size);
    if k >= CLASSES {
        return false;
    }
    // SAFETY: one thread, and nothing else holds the state during this call.
    let state = unsafe { &mut *ALLOCATOR.0.get() };
    if !state.room_to(0) {
        return false;
    }
    let headroom_free = state
        .next
        .checked_add(HEADROOM)
        .is_some_and(|t| t <= state.end);
    if state.free_blocks(k, 1) && (headroom_free || state.free_blocks(k.max(class_of(HEADROOM)), 2))
    {
        return true;
    }
    let align = (1usize << k).min(MAX_ALIGN);
    let start = (state.next + (align - 1)) & !(align - 1);
    start
        .checked_add(1 << k)
        .and_then(|t| t.checked_add(HEADROOM))
        .is_some_and(|t| state.room_to(t))
}

unsafe impl GlobalAlloc for SizeClasses {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let Some(k) = class(&layout) else {
            return null_mut();
        };
        // SAFETY: one thread, and no call below re-enters the allocator.
        let state = unsafe { &mut *self.0.get() };
        let mut block = state.pop(k as usize);
        if block == 0 {
            block = state.carve(1 << k);
        }
        if block == 0 {
            // memory cannot grow: freed memory of a larger class serves it
            block = state.split(k as usize);
        }
        block as *mut u8
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let Some(k) = class(&layout) else {
            return;
        };
        // SAFETY: as in `alloc`; `ptr` is a block of class k that its owner gives back.
        let state = unsafe { &mut *self.0.get() };
        state.push(k as usize, ptr as usize);
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
