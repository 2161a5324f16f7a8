package main

import (
	"errors"
	"io/fs"
	"syscall"

	"jixiao"
)

// errText is an error as a Text the catalog translates: the program's own
// errors carry theirs; the operating system's common ones are named; any
// other stays as it is.
func errText(err error) jixiao.Text {
	var tx jixiao.Texter
	if errors.As(err, &tx) {
		return tx.MessageText()
	}
	var reason jixiao.Text
	switch {
	case errors.Is(err, fs.ErrNotExist):
		reason = jixiao.T("no such file or directory")
	case errors.Is(err, fs.ErrPermission):
		reason = jixiao.T("permission denied")
	case errors.Is(err, fs.ErrExist):
		reason = jixiao.T("file exists")
	case errors.Is(err, syscall.EISDIR):
		reason = jixiao.T("is a directory")
	case errors.Is(err, syscall.ENOTDIR):
		reason = jixiao.T("not a directory")
	case errors.Is(err, syscall.ENOSPC):
		reason = jixiao.T("no space left on device")
	default:
		return jixiao.T("%s", err.Error())
	}
	if pe, ok := errors.AsType[*fs.PathError](err); ok {
		return jixiao.T("%s: %s", pe.Path, reason)
	}
	return reason
}

// problemOf is an error about a file as a problem of that file.
func problemOf(file, code string, err error) jixiao.Problem {
	return jixiao.NewProblem(file, jixiao.Pos{}, jixiao.Error, code, errText(err))
}
