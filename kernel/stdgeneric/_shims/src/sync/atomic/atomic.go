// Package atomic is nnbook's interpreted front of the standard package
// sync/atomic for cells: every name is the compiled one (yaegi's table,
// loaded under the hidden path stdbin/sync/atomic), and Pointer, generic,
// is interpreted.
package atomic

import bin "stdbin/sync/atomic"

// The types of sync/atomic.
type (
	Bool    = bin.Bool
	Int32   = bin.Int32
	Int64   = bin.Int64
	Uint32  = bin.Uint32
	Uint64  = bin.Uint64
	Uintptr = bin.Uintptr
	Value   = bin.Value
)

// The functions of sync/atomic.
var (
	AddInt32              = bin.AddInt32
	AddInt64              = bin.AddInt64
	AddUint32             = bin.AddUint32
	AddUint64             = bin.AddUint64
	AddUintptr            = bin.AddUintptr
	AndInt32              = bin.AndInt32
	AndInt64              = bin.AndInt64
	AndUint32             = bin.AndUint32
	AndUint64             = bin.AndUint64
	AndUintptr            = bin.AndUintptr
	CompareAndSwapInt32   = bin.CompareAndSwapInt32
	CompareAndSwapInt64   = bin.CompareAndSwapInt64
	CompareAndSwapPointer = bin.CompareAndSwapPointer
	CompareAndSwapUint32  = bin.CompareAndSwapUint32
	CompareAndSwapUint64  = bin.CompareAndSwapUint64
	CompareAndSwapUintptr = bin.CompareAndSwapUintptr
	LoadInt32             = bin.LoadInt32
	LoadInt64             = bin.LoadInt64
	LoadPointer           = bin.LoadPointer
	LoadUint32            = bin.LoadUint32
	LoadUint64            = bin.LoadUint64
	LoadUintptr           = bin.LoadUintptr
	OrInt32               = bin.OrInt32
	OrInt64               = bin.OrInt64
	OrUint32              = bin.OrUint32
	OrUint64              = bin.OrUint64
	OrUintptr             = bin.OrUintptr
	StoreInt32            = bin.StoreInt32
	StoreInt64            = bin.StoreInt64
	StorePointer          = bin.StorePointer
	StoreUint32           = bin.StoreUint32
	StoreUint64           = bin.StoreUint64
	StoreUintptr          = bin.StoreUintptr
	SwapInt32             = bin.SwapInt32
	SwapInt64             = bin.SwapInt64
	SwapPointer           = bin.SwapPointer
	SwapUint32            = bin.SwapUint32
	SwapUint64            = bin.SwapUint64
	SwapUintptr           = bin.SwapUintptr
)
