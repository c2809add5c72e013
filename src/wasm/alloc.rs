//! The module's memory allocator: blocks in power-of-two size classes, each class with its own free list, carved
//! from memory the module grows page by page. It is a few hundred bytes of code where the standard library's
//! dlmalloc is about eight kilobytes, which matters for a module that is downloaded with every page.
//!
//! A block of class k holds 2^k bytes (at least 16) and is aligned to min(2^k, 4096), so a freed block serves any
//! later request of its class. Freed blocks go back to their class's list: memory in use stays within the sum of
//! each class's peak, which for a page (a network, its data, a grid per frame) repeats the same sizes call after
//! call. Only when memory can no longer grow is a freed block of a larger class split in halves to serve a smaller
//! request, so that what a page frees serves whatever it asks for next. Freed blocks are merged ([`State::merge`])
//! only when a request finds no room in any of these ways (it is then tried once more), or, once memory has
//! failed to grow, before the first allocation after [`HEADROOM`] bytes were freed: each run of adjacent freed
//! blocks becomes the largest blocks it holds, or unused memory again when it reaches the top. So memory that was
//! filled with small blocks and freed serves a large one again; and a page that frees its handles gets its memory
//! back as one run before the next call's small blocks, taken first from the lowest merged memory, could split it.
//! WebAssembly memory never shrinks, whichever allocator runs.
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
    /// Bytes freed since the last merge (none: a merge would find nothing new).
    freed: usize,
    /// Past this many bytes freed, an allocation merges first: never until memory has once failed to grow, then
    /// [`HEADROOM`] (a call's worth of small blocks: a merge per handle or grid freed, not per message).
    merge_after: usize,
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
    freed: 0,
    merge_after: usize::MAX,
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
                // from now on what is freed is merged soon, before small blocks are placed in it at random
                self.merge_after = HEADROOM;
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
        // the gap that aligns the block is freed, so that a merge can join the blocks on either side of it
        self.file(self.next, start);
        self.next = start + size;
        start
    }

    /// A block of class k: a freed one, a new one, or one split off a larger freed block; 0 when none is left.
    fn take(&mut self, k: usize) -> usize {
        match self.pop(k) {
            0 => match self.carve(1 << k) {
                0 => self.split(k),
                block => block,
            },
            block => block,
        }
    }

    /// Merges adjacent freed blocks, when any was freed since the last merge (else returns false): the free lists
    /// become one list sorted by address, highest first, and each run of adjacent blocks in it is filed again
    /// ([`State::file`]), the lowest last, so that the lowest blocks are taken first. It allocates nothing: each
    /// freed block holds its link and, while the list is sorted, its size.
    #[inline(never)]
    fn merge(&mut self) -> bool {
        if std::mem::take(&mut self.freed) == 0 {
            return false;
        }
        let (mut list, mut n) = (0, 0);
        for k in 0..CLASSES {
            let mut block = std::mem::take(&mut self.free[k]);
            while block != 0 {
                let freed = block;
                // SAFETY: a freed block holds at least 16 bytes, room for two words: its link, then its size.
                unsafe {
                    block = *(freed as *const usize);
                    *(freed as *mut [usize; 2]) = [list, 1 << k];
                }
                (list, n) = (freed, n + 1);
            }
        }
        let mut block = sort(&mut list, n);
        // the run of adjacent freed blocks from `start` to `stop` (empty at first), which grows down
        let (mut start, mut stop) = (0, 0);
        while block != 0 {
            // SAFETY: as above: each block of the sorted list holds its link and its size.
            let [link, size] = unsafe { *(block as *const [usize; 2]) };
            if block + size != start {
                self.file(start, stop);
                stop = block + size;
            }
            start = block;
            block = link;
        }
        self.file(start, stop);
        true
    }

    /// Frees the memory from `start` to `stop` (multiples of 16, as every block's bounds are): given back to the
    /// unused top when it ends at `next`, else filed as the largest blocks that fit, each aligned as its class
    /// requires.
    fn file(&mut self, mut start: usize, stop: usize) {
        if stop == self.next {
            self.next = start;
            return;
        }
        while start < stop {
            // the largest k with 2^k ≤ stop − start and min(2^k, MAX_ALIGN) dividing start (k ≥ 4: both are
            // multiples of 16)
            let fits = (usize::BITS - 1 - (stop - start).leading_zeros()) as usize;
            let aligned = start.trailing_zeros() as usize;
            let k = if aligned < MAX_ALIGN.trailing_zeros() as usize {
                fits.min(aligned)
            } else {
                fits
            };
            self.push(k, start);
            start += 1 << k;
        }
    }
}

/// Sorts the first n blocks of the list at `list` by address, highest first (blocks linked by their first word),
/// leaving `list` at the rest; a merge sort, n log n steps and log n calls deep.
fn sort(list: &mut usize, n: usize) -> usize {
    if n < 2 {
        let block = if n == 0 { 0 } else { *list };
        if block != 0 {
            // SAFETY: `block` is a freed block; its first word links the next one.
            unsafe { *list = std::mem::replace(&mut *(block as *mut usize), 0) };
        }
        return block;
    }
    let (mut a, mut b) = (sort(list, n / 2), sort(list, n - n / 2));
    let mut head = 0;
    // the link that the next block in address order is written to
    let mut tail: *mut usize = &raw mut head;
    while a != 0 && b != 0 {
        let first = a.max(b);
        // SAFETY: `first` and `tail` are freed blocks' first words (or `head`); `first` links its list's next one.
        unsafe {
            *tail = first;
            tail = first as *mut usize;
            if first == a {
                a = *tail;
            } else {
                b = *tail;
            }
        }
    }
    // one list is empty (0): the other one's rest follows
    // SAFETY: as above.
    unsafe { *tail = a.max(b) };
    head
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
/// last block once memory has grown (tried last, so that memory grows only when what was freed cannot serve); or
/// else any of these once freed blocks are merged. Then the small allocations of one call cannot fail (nor blocks
/// of `bytes` in all, with their rounding counted by the caller). A call that may allocate asks first, and is
/// refused as out of memory when this is false.
pub(crate) fn ensure_room(bytes: usize) -> bool {
    fits_or_merge(|state| {
        let Some(top) = HEADROOM.checked_add(bytes).and_then(|need| {
            state.room_to(0);
            state.next.checked_add(need)
        }) else {
            return false;
        };
        top <= state.end || state.free_blocks(class_of(top - state.next), 1) || state.room_to(top)
    })
}

/// Whether `fits` holds for the allocator's state, as it is or once freed blocks are merged.
fn fits_or_merge(fits: impl Fn(&mut State) -> bool) -> bool {
    // SAFETY: one thread, and nothing else holds the state during this call.
    let state = unsafe { &mut *ALLOCATOR.0.get() };
    // a merge clears `freed`, which `fits` does not add to: at most two tries
    while !fits(state) {
        if !state.merge() {
            return false;
        }
    }
    true
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
/// only when what was freed cannot serve); or else any of these once freed blocks are merged. A merge keeps each
/// of these promises: a freed block lies after it in a freed block at least as large, or in the unused top, which
/// then starts no higher than the block's run, so the run's blocks, each aligned, fit there again.
pub(crate) fn ensure_block(size: usize) -> bool {
    let k = class_of(size);
    k < CLASSES
        && fits_or_merge(|state| {
            if !state.room_to(0) {
                return false;
            }
            let headroom_free = state
                .next
                .checked_add(HEADROOM)
                .is_some_and(|t| t <= state.end);
            if state.free_blocks(k, 1)
                && (headroom_free || state.free_blocks(k.max(class_of(HEADROOM)), 2))
            {
                return true;
            }
            let align = (1usize << k).min(MAX_ALIGN);
            let start = (state.next + (align - 1)) & !(align - 1);
            start
                .checked_add(1 << k)
                .and_then(|t| t.checked_add(HEADROOM))
                .is_some_and(|t| state.room_to(t))
        })
}

unsafe impl GlobalAlloc for SizeClasses {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let Some(k) = class(&layout) else {
            return null_mut();
        };
        // SAFETY: one thread, and no call below re-enters the allocator.
        let state = unsafe { &mut *self.0.get() };
        // once memory has failed to grow: what was freed is merged before blocks are placed in it
        if state.freed > state.merge_after {
            state.merge();
        }
        // a merge clears `freed`, which `take` does not add to: at most two tries
        loop {
            let block = state.take(k as usize);
            if block != 0 || !state.merge() {
                return block as *mut u8;
            }
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let Some(k) = class(&layout) else {
            return;
        };
        // SAFETY: as in `alloc`; `ptr` is a block of class k that its owner gives back.
        let state = unsafe { &mut *self.0.get() };
        state.push(k as usize, ptr as usize);
        state.freed = state.freed.saturating_add(1 << k);
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
