package main

import "fmt"

func findPair(nums []int, target int) (int, int, bool) {
outer:
	for i := 0; i < len(nums); i++ {
		for j := i + 1; j < len(nums); j++ {
			switch s := nums[i] + nums[j]; {
			case s == target:
				return i, j, true
			case s > target*10:
				continue outer
			}
		}
	}
	return -1, -1, false
}

func main() {
	grid := [][]int{{1, 2, 3}, {4, -1, 6}, {7, 8, 9}}
	found := false
search:
	for r, row := range grid {
		for c, v := range row {
			if v < 0 {
				fmt.Println("negative at", r, c)
				found = true
				break search
			}
		}
	}
	fmt.Println(found)
	fmt.Println(findPair([]int{2, 7, 11, 15}, 9))
	fmt.Println(findPair([]int{1, 2}, 10))
	count := 0
rows:
	for _, row := range grid {
		for _, v := range row {
			if v%2 == 0 {
				continue rows
			}
			count++
		}
	}
	fmt.Println(count)
	i := 0
loop:
	for {
		select {
		default:
			i++
			if i == 3 {
				break loop
			}
		}
	}
	fmt.Println(i)
}
