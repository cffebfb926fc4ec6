package main

import "fmt"

// clamp keeps v between lo and hi, calling the builtins through parentheses.
func clamp(v, lo, hi float64) float64 {
	return (max)(lo, (min)(v, hi))
}

// safeDiv turns a division by zero into an error with a parenthesized recover.
func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := (recover)(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	return a / b, nil
}

func main() {
	a, b := 3, 7
	fmt.Println((min)(a, b), (max)(a, b, 5))
	fmt.Println(clamp(12.5, 0, 10), clamp(-1, 0, 10), clamp(4.25, 0, 10))

	words := (make)([]string, 0, 4)
	words = (append)(words, "ant", "bee")
	fmt.Println((len)(words), (cap)(words), words)

	dst := (make)([]string, 1)
	n := (copy)(dst, words)
	fmt.Println(n, dst)

	scores := map[string]int{"ann": 3, "bob": 5}
	(delete)(scores, "ann")
	fmt.Println(len(scores))
	(clear)(scores)
	fmt.Println(len(scores), (max)("apple", "pear"))

	p := (new)(int)
	*p = 4
	c := (complex)(float64(*p), 2)
	fmt.Println((real)(c), (imag)(c))

	ch := make(chan int, 1)
	ch <- 1
	(close)(ch)
	for v := range ch {
		fmt.Println("got", v)
	}

	fmt.Println(safeDiv(7, 2))
	fmt.Println(safeDiv(1, 0))
}
