package main

import "fmt"

type Account struct {
	Deposit  func(int)
	Withdraw func(int) bool
	Balance  func() int
}

func NewAccount() Account {
	balance := 0
	var history []int
	return Account{
		Deposit: func(n int) {
			balance += n
			history = append(history, n)
		},
		Withdraw: func(n int) bool {
			if n > balance {
				return false
			}
			balance -= n
			history = append(history, -n)
			return true
		},
		Balance: func() int { return balance },
	}
}

func counterPair() (inc func() int, get func() int, reset func()) {
	n := 0
	inc = func() int { n++; return n }
	get = func() int { return n }
	reset = func() { n = 0 }
	return
}

func main() {
	a, b := NewAccount(), NewAccount()
	a.Deposit(100)
	b.Deposit(5)
	fmt.Println(a.Withdraw(30), a.Withdraw(100), b.Withdraw(5))
	fmt.Println(a.Balance(), b.Balance())
	inc, get, reset := counterPair()
	inc()
	inc()
	fmt.Println(get())
	reset()
	fmt.Println(inc(), get())
	var ops []func(int) int
	for _, k := range []int{2, 3, 10} {
		ops = append(ops, func(x int) int { return x * k })
	}
	x := 1
	for _, op := range ops {
		x = op(x)
	}
	fmt.Println(x)
}
