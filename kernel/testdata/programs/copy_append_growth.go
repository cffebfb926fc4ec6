package main

import "fmt"

func removeAt(s []int, i int) []int {
	return append(s[:i], s[i+1:]...)
}

func insertAt(s []int, i, v int) []int {
	s = append(s, 0)
	copy(s[i+1:], s[i:])
	s[i] = v
	return s
}

func main() {
	src := []int{1, 2, 3, 4, 5}
	dst := make([]int, 3)
	n := copy(dst, src)
	fmt.Println(n, dst)
	n = copy(dst, []int{9})
	fmt.Println(n, dst)
	n = copy(src[1:], src)
	fmt.Println(n, src)

	bs := make([]byte, 4)
	n = copy(bs, "héllo")
	fmt.Println(n, bs, string(bs[:n]))

	var s []int
	fmt.Println(s == nil, len(s))
	lens := []int{}
	for i := 0; i < 10; i++ {
		s = append(s, i)
		lens = append(lens, len(s))
	}
	fmt.Println(s, lens)

	a := []int{10, 20, 30, 40}
	b := removeAt(a, 1)
	fmt.Println(b, a)
	c := insertAt([]int{1, 2, 4}, 2, 3)
	fmt.Println(c)

	orig := []string{"x", "y", "z"}
	clone := append([]string(nil), orig...)
	clone[0] = "changed"
	fmt.Println(orig, clone)

	matrix := make([][]int, 3)
	for i := range matrix {
		matrix[i] = make([]int, i+1)
		for j := range matrix[i] {
			matrix[i][j] = i * j
		}
	}
	fmt.Println(matrix, len(matrix[2]))

	stack := []int{}
	stack = append(stack, 1, 2, 3)
	top := stack[len(stack)-1]
	stack = stack[:len(stack)-1]
	queue := []string{"a", "b", "c"}
	head := queue[0]
	queue = queue[1:]
	fmt.Println(top, stack, head, queue)

	full := []int{0, 1, 2, 3, 4, 5}
	window := full[2:4]
	fmt.Println(window, len(window), window[:4])
	window = append(window, 99)
	fmt.Println(full)
	empty := full[:0]
	for _, x := range full {
		if x%2 == 0 {
			empty = append(empty, x)
		}
	}
	fmt.Println(empty, full)
}
