package main

import (
	"bufio"
	"fmt"
	"os"
)

// How jixiao was started decides what it does without a command word. On
// Windows, a double-click in Explorer starts it with no arguments, and
// dropping files or folders onto jixiao.exe starts it with their paths;
// either way in a console window of its own, which closes as soon as the
// program exits. So it explains, or renders what was dropped, and then
// waits for Enter.

// launch is what to do with a command line.
type launch struct {
	explain bool     // say how to use jixiao instead of running a command
	args    []string // the command line to run, when not explaining
	wait    bool     // wait for Enter before exiting, so the window stays
}

// decideLaunch turns the arguments and whether the program has a console
// window of its own (started from Explorer) into what to do. isPath
// reports whether an argument names an existing file or folder.
func decideLaunch(args []string, fromExplorer bool, isPath func(string) bool) launch {
	if !fromExplorer {
		return launch{args: args}
	}
	if len(args) == 0 {
		return launch{explain: true, wait: true}
	}
	if findCommand(args[0]) == nil && allPaths(args, isPath) {
		return launch{args: append([]string{"render"}, args...), wait: true}
	}
	return launch{args: args, wait: true}
}

func allPaths(args []string, isPath func(string) bool) bool {
	for _, a := range args {
		if !isPath(a) {
			return false
		}
	}
	return true
}

func pathExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// launchMain runs what decideLaunch decided and returns the exit status.
func (c *cli) launchMain(args []string, fromExplorer bool) int {
	l := decideLaunch(args, fromExplorer, pathExists)
	code := exitOK
	if l.explain {
		fmt.Fprint(c.stdout, explorerHelp)
	} else {
		code = c.main(l.args)
	}
	if l.wait {
		if !l.explain {
			if code == exitOK {
				fmt.Fprint(c.stdout, "\n完成。")
			} else {
				fmt.Fprint(c.stdout, "\n有问题，见上面的说明。")
			}
		}
		fmt.Fprint(c.stdout, "按回车键关闭窗口。")
		bufio.NewReader(c.stdin).ReadString('\n')
	}
	return code
}

// explorerHelp is shown when jixiao.exe is double-clicked.
const explorerHelp = `jixiao：部门整体支出绩效自评表（附件2）生成工具

这个程序没有图形窗口，请这样使用：

  1. 把填好的表单文件（.toml），或装着多个表单的文件夹，
     用鼠标拖到 jixiao.exe 的图标上松开。
     程序会检查表单，并在表单旁边生成同名的 PDF 和 XLSX 文件；
     一次处理多个表单时，还会生成一份 汇总表.xlsx。

  2. 或者在命令提示符（cmd）里进入 jixiao.exe 所在的文件夹后运行：
       jixiao init 我的表单.toml      生成一份空白表单，用记事本填写
       jixiao check 我的表单.toml     检查表单，列出要改正的地方
       jixiao render 我的表单.toml    生成 PDF 和 XLSX
       jixiao help                   查看全部命令

详细说明见压缩包里的“使用说明.md”。

`
