package main

import "fmt"

// score clamps a raw score to 0..100 and panics on an impossible one.
func score(raw int) int {
	if raw < -1000 {
		panic(fmt.Sprintf("impossible score %d", raw))
	}
	return min(max(raw, 0), 100)
}

// safeScore turns the panic into an error.
func safeScore(raw int) (s int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("score: %v", r)
		}
	}()
	return score(raw), nil
}

func main() {
	for _, raw := range []int{42, 180, -7, -5000} {
		s, err := safeScore(raw)
		fmt.Println(raw, s, err)
	}
}
