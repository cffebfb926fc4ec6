package main

import "fmt"

const N = 6

type Grid [N][N]bool

func (g Grid) neighbors(r, c int) int {
	n := 0
	for dr := -1; dr <= 1; dr++ {
		for dc := -1; dc <= 1; dc++ {
			if dr == 0 && dc == 0 {
				continue
			}
			rr, cc := (r+dr+N)%N, (c+dc+N)%N
			if g[rr][cc] {
				n++
			}
		}
	}
	return n
}

func (g Grid) Step() Grid {
	var next Grid
	for r := range N {
		for c := range N {
			n := g.neighbors(r, c)
			next[r][c] = n == 3 || (g[r][c] && n == 2)
		}
	}
	return next
}

func (g Grid) String() string {
	s := ""
	for _, row := range g {
		for _, alive := range row {
			if alive {
				s += "#"
			} else {
				s += "."
			}
		}
		s += "\n"
	}
	return s
}

func main() {
	var g Grid
	g[0][1], g[1][2], g[2][0], g[2][1], g[2][2] = true, true, true, true, true
	start := g
	for i := 0; i < 4; i++ {
		g = g.Step()
	}
	fmt.Print(start, "--\n", g)
	fmt.Println(start == g, start[0] == g[1])
	shifted := Grid{}
	for r := range N {
		for c := range N {
			shifted[(r+1)%N][(c+1)%N] = start[r][c]
		}
	}
	fmt.Println(shifted == g)

	p := &g
	p[0][0] = true
	copyOf := *p
	copyOf[0][0] = false
	fmt.Println(g[0][0], copyOf[0][0], len(g), len(g[0]))
	counts := map[Grid]int{start: 1}
	counts[shifted]++
	counts[g]++
	fmt.Println(len(counts))
}
