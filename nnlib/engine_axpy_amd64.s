#include "textflag.h"

// func axpyFMA(a float64, x, y []float64)
// y[i] += a*x[i] for i < len(x) (len(y) ≥ len(x)), with AVX2 fused multiply-add.
TEXT ·axpyFMA(SB), NOSPLIT, $0-56
	VBROADCASTSD a+0(FP), Y0
	MOVQ x_base+8(FP), SI
	MOVQ x_len+16(FP), DX
	MOVQ y_base+32(FP), DI
	MOVQ DX, CX
	SHRQ $4, CX
	JZ   tail

loop16:
	VMOVUPD (DI), Y1
	VMOVUPD 32(DI), Y2
	VMOVUPD 64(DI), Y3
	VMOVUPD 96(DI), Y4
	VFMADD231PD (SI), Y0, Y1
	VFMADD231PD 32(SI), Y0, Y2
	VFMADD231PD 64(SI), Y0, Y3
	VFMADD231PD 96(SI), Y0, Y4
	VMOVUPD Y1, (DI)
	VMOVUPD Y2, 32(DI)
	VMOVUPD Y3, 64(DI)
	VMOVUPD Y4, 96(DI)
	ADDQ $128, SI
	ADDQ $128, DI
	DECQ CX
	JNZ  loop16

tail:
	ANDQ $15, DX
	JZ   done

loop1:
	VMOVSD (DI), X1
	VFMADD231SD (SI), X0, X1
	VMOVSD X1, (DI)
	ADDQ $8, SI
	ADDQ $8, DI
	DECQ DX
	JNZ  loop1

done:
	VZEROUPPER
	RET
