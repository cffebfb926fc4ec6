#include "textflag.h"

// The gather kernels' shared parts. Arguments: SI = idx, CX = len(idx),
// BX = val, DX = m, R8 = stride in bytes, DI = z.
#define GATHER_ARGS \
	MOVQ idx_base+0(FP), SI \
	MOVQ idx_len+8(FP), CX \
	MOVQ val_base+24(FP), BX \
	MOVQ m_base+48(FP), DX \
	MOVQ stride+72(FP), R8 \
	SHLQ $3, R8 \
	MOVQ z_base+80(FP), DI

// AX = &m[idx[k]·stride], Y8 = val[k] in all four lanes.
#define GATHER_ROW \
	MOVLQSX (SI), AX \
	IMULQ R8, AX \
	ADDQ DX, AX \
	VBROADCASTSD (BX), Y8

// on to entry k+1 (sets the flags for the loop's JNZ).
#define GATHER_NEXT \
	ADDQ $4, SI \
	ADDQ $8, BX \
	DECQ CX

// func gatherFMA32(idx []int32, val []float64, m []float64, stride int, z []float64)
// z[0:32] += Σ_k val[k]·m[idx[k]·stride : idx[k]·stride+32], with the 32 sums
// held in eight AVX2 registers for the whole list.
TEXT ·gatherFMA32(SB), NOSPLIT, $0-104
	GATHER_ARGS
	VMOVUPD (DI), Y0
	VMOVUPD 32(DI), Y1
	VMOVUPD 64(DI), Y2
	VMOVUPD 96(DI), Y3
	VMOVUPD 128(DI), Y4
	VMOVUPD 160(DI), Y5
	VMOVUPD 192(DI), Y6
	VMOVUPD 224(DI), Y7
	TESTQ CX, CX
	JZ   gstore

gloop:
	GATHER_ROW
	VFMADD231PD (AX), Y8, Y0
	VFMADD231PD 32(AX), Y8, Y1
	VFMADD231PD 64(AX), Y8, Y2
	VFMADD231PD 96(AX), Y8, Y3
	VFMADD231PD 128(AX), Y8, Y4
	VFMADD231PD 160(AX), Y8, Y5
	VFMADD231PD 192(AX), Y8, Y6
	VFMADD231PD 224(AX), Y8, Y7
	GATHER_NEXT
	JNZ  gloop

gstore:
	VMOVUPD Y0, (DI)
	VMOVUPD Y1, 32(DI)
	VMOVUPD Y2, 64(DI)
	VMOVUPD Y3, 96(DI)
	VMOVUPD Y4, 128(DI)
	VMOVUPD Y5, 160(DI)
	VMOVUPD Y6, 192(DI)
	VMOVUPD Y7, 224(DI)
	VZEROUPPER
	RET

// func gatherFMA8(idx []int32, val []float64, m []float64, stride int, z []float64)
// z[0:8] += Σ_k val[k]·m[idx[k]·stride : idx[k]·stride+8]: gatherFMA32 for
// the last columns of a row (the 10 outputs of MNIST's last layer).
TEXT ·gatherFMA8(SB), NOSPLIT, $0-104
	GATHER_ARGS
	VMOVUPD (DI), Y0
	VMOVUPD 32(DI), Y1
	TESTQ CX, CX
	JZ   g8store

g8loop:
	GATHER_ROW
	VFMADD231PD (AX), Y8, Y0
	VFMADD231PD 32(AX), Y8, Y1
	GATHER_NEXT
	JNZ  g8loop

g8store:
	VMOVUPD Y0, (DI)
	VMOVUPD Y1, 32(DI)
	VZEROUPPER
	RET
