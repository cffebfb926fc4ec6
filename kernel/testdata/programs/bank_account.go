package main

import (
	"errors"
	"fmt"
)

var ErrInsufficient = errors.New("insufficient funds")

type Account struct {
	Owner   string
	balance int64
	history []string
}

func NewAccount(owner string, initial int64) *Account {
	a := &Account{Owner: owner}
	a.Deposit(initial)
	return a
}

func (a *Account) Deposit(cents int64) {
	if cents <= 0 {
		return
	}
	a.balance += cents
	a.history = append(a.history, fmt.Sprintf("+%s", money(cents)))
}

func (a *Account) Withdraw(cents int64) error {
	if cents > a.balance {
		return fmt.Errorf("withdraw %s from %s: %w", money(cents), a.Owner, ErrInsufficient)
	}
	a.balance -= cents
	a.history = append(a.history, fmt.Sprintf("-%s", money(cents)))
	return nil
}

func (a *Account) Balance() int64 { return a.balance }

func Transfer(from, to *Account, cents int64) error {
	if err := from.Withdraw(cents); err != nil {
		return fmt.Errorf("transfer failed: %w", err)
	}
	to.Deposit(cents)
	return nil
}

func money(cents int64) string {
	return fmt.Sprintf("$%d.%02d", cents/100, cents%100)
}

func (a *Account) String() string {
	return fmt.Sprintf("%s: %s %v", a.Owner, money(a.balance), a.history)
}

func main() {
	alice := NewAccount("alice", 10_000)
	bob := NewAccount("bob", 550)
	fmt.Println(alice)
	fmt.Println(bob)
	if err := Transfer(alice, bob, 2_575); err != nil {
		fmt.Println(err)
	}
	err := Transfer(bob, alice, 1_000_000)
	fmt.Println(err)
	fmt.Println(errors.Is(err, ErrInsufficient))
	bob.Deposit(-5)
	accounts := []*Account{alice, bob}
	var total int64
	for _, a := range accounts {
		fmt.Println(a)
		total += a.Balance()
	}
	fmt.Println("total", money(total))
}
