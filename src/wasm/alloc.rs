//! The module's memory allocator: blocks in power-of-two size classes, each class with its own free list, carved
//! from memory the module grows page by page. It is a few hundred bytes of code where the standard library's
//! dlmalloc is about eight kilobytes, which matters for a module that is downloaded with every page.
//!
//! A block of class k holds 2^k bytes (at least 16) and is aligned to min(2^k, 4096), so a freed block serves any
//! later request of its class. Freed blocks go back to their class's list and are never split or merged: memory in
//! use stays within the sum of each class's peak, which for a page (a network, its data, a grid per frame) repeats
//! the same sizes call after call. WebAssembly memory never shrinks, whichever allocator runs.
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
    /// A new block of `size` bytes from the top of memory, growing memory when needed; 0 when it cannot grow.
    fn carve(&mut self, size: usize) -> usize {
        if self.end == 0 {
            self.next = core::arch::wasm32::memory_size(0) * PAGE;
            self.end = self.next;
        }
        let start = (self.next + (size.min(MAX_ALIGN) - 1)) & !(size.min(MAX_ALIGN) - 1);
        let Some(stop) = start.checked_add(size) else {
            return 0;
        };
        if stop > self.end {
            let pages = (stop - self.end).div_ceil(PAGE);
            if core::arch::wasm32::memory_grow(0, pages) == usize::MAX {
                return 0;
            }
            self.end += pages * PAGE;
        }
        self.next = stop;
        start
    }
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
