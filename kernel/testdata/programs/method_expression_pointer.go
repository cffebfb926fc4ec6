package main

import "fmt"

type Account struct{ Balance int }

func (a *Account) Deposit(n int) { a.Balance += n }
func (a Account) String() string { return fmt.Sprintf("balance %d", a.Balance) }

func apply(a *Account, op func(*Account, int), amounts ...int) {
	for _, n := range amounts {
		op(a, n)
	}
}

func main() {
	acc := &Account{}
	apply(acc, (*Account).Deposit, 10, 20, 5)
	show := Account.String
	fmt.Println(show(*acc))
	str := (*Account).String
	fmt.Println(str(acc))
}
