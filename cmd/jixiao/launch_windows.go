package main

import (
	"os"
	"unsafe"

	"golang.org/x/sys/windows"
)

var procGetConsoleProcessList = windows.NewLazySystemDLL("kernel32.dll").NewProc("GetConsoleProcessList")

// startedFromExplorer reports whether the console window belongs to this
// process alone, as when Explorer starts it (a double-click, or files
// dropped onto jixiao.exe); from cmd or PowerShell the shell shares it.
// Standard input must be that console too, so that waiting for Enter
// cannot hang a script that started jixiao in a console of its own.
func startedFromExplorer() bool {
	var mode uint32
	if windows.GetConsoleMode(windows.Handle(os.Stdin.Fd()), &mode) != nil {
		return false
	}
	var pids [2]uint32
	n, _, _ := procGetConsoleProcessList.Call(uintptr(unsafe.Pointer(&pids[0])), uintptr(len(pids)))
	return n == 1
}
