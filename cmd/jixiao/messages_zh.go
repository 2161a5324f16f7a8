package main

import "jixiao"

// The Chinese of the command line: helps, usage errors, progress and
// summary lines, keyed by their English.
func init() {
	jixiao.RegisterChinese(
		// The program's help.
		usageHead, `jixiao 把用 TOML 文件填写的绩效自评，在检查并计分之后，
生成正式表格的 PDF 和 XLSX：默认是 附件2：部门整体支出绩效自评表，
也可以是 项目支出绩效自评表，或自己定义的表格（见 jixiao template --list）。

用法：
  jixiao 命令 [选项] 参数

命令：
`,
		usageTail, `
从这里开始：
  jixiao init 我的表.toml          生成一份空白表，然后填写
  jixiao check 我的表.toml         检查哪些没有填、哪些数对不上
  jixiao render 我的表.toml        生成 我的表.pdf 和 我的表.xlsx

运行 jixiao help 命令 查看某个命令的选项。每个命令都可以加
--lang zh|en（或设置环境变量 JIXIAO_LANG）选择提示的语言。
退出状态：0 正常，1 发现问题，2 用法错误。
`,
		explorerHelp, `jixiao：部门整体支出绩效自评表（附件2）生成工具

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

`,
		"\nDone. ", "\n完成。",
		"\nThere are problems; see above. ", "\n有问题，见上面的说明。",
		"Press Enter to close this window.", "按回车键关闭窗口。",

		// Each command's help.
		"Usage: jixiao %s [flags] %s\n\n%s\n", "用法：jixiao %s [选项] %s\n\n%s\n",
		"\nFlags:\n%s\n", "\n选项：\n%s\n",
		" (default %s)", "（默认 %s）",
		"  (default)", "（默认）",
		"  --lang zh|en\n      the language of messages (default: the system's; or set JIXIAO_LANG)\n", "  --lang zh|en\n      提示使用的语言（默认跟随系统；也可设置环境变量 JIXIAO_LANG）\n",
		"  --help\n      show this help\n", "  --help\n      显示本帮助\n",
		"check and score forms; print problems and scores", "检查表单并计分，列出问题和得分",
		"check forms and write them as PDF and XLSX", "检查表单，生成 PDF 和 XLSX",
		"show a form in the browser, redrawn at each save", "在浏览器里预览表单，每次保存后自动刷新",
		"write a blank form to fill in", "生成一份待填写的空白表",
		"list the built-in forms, or write one to edit", "列出内置的表格，或导出一份表格定义供修改",
		"make N made-up but valid forms, to try a batch", "生成 N 份虚构但合格的表单，用于试验批量处理",
		"print the version", "显示版本",
		"show the help of a command", "显示某个命令的帮助",
		"write the JSON Schema of a form's data file, for TOML editors", "生成表单数据文件的 JSON Schema，供 TOML 编辑器使用",
		schemaHelp, `把表格 FORM（不给时为默认表格）数据文件的 JSON Schema 写到文件 FILE 或标准输出：
每个键的中文名称、类型、可填的值和每部分必填的键，与 check 读取的字段清单一致。
支持 Schema 的 TOML 编辑器（Taplo、VS Code 的 Even Better TOML）据此在输入时补全
键名、标出错误。jixiao init 文件 会把它写在该文件旁边，并在表的第一行写上
#:schema ./jixiao.schema.json 指向它；升级 jixiao 后运行 schema 更新文件夹里的副本。

示例：
  jixiao schema jixiao.schema.json
  jixiao schema 项目支出-2020 jixiao.xiangmu-2020.schema.json`,
		"Prints jixiao's version, the commit it was built from and when.", "显示 jixiao 的版本、构建所用的提交及其时间。",
		checkHelp, `读取每份表单——数据文件（.toml），或填好的电子表格（.xlsx）、Word 文档（.docx），
按 jixiao import 的方式读取；文件夹代表其中所有这样的文件；- 表示从标准输入读取 .toml——
按官方规则检查并计分，并像 render 一样确认字体能印出每一个字。
问题写到标准错误，每行一条，指明在表上的位置和改正的方法：

  文件 第N行第M列 错误：产出指标 › 数量指标 › 指标1 … › 得分：说明

每份表单的得分摘要写到标准输出（执行率、预算执行得分、各一级指标、
总分、等级）。没有错误时退出状态为 0，有错误为 1，用法错误为 2；
警告不影响退出状态。--json 的输出与语言无关：每个问题带有代码 code、
键路径 path，以及中英文两种说明（message、message_zh）。

示例：
  jixiao check 我的表.toml
  jixiao check 各单位/ --json`,
		renderHelp, `检查每份表单——数据文件（.toml），或填好的电子表格（.xlsx）、Word 文档（.docx），
按 jixiao import 的方式读取；文件夹代表其中所有这样的文件，隐藏文件、编辑器的锁文件和
render 自己的输出除外——生成正式的表格：名称.pdf（内嵌字体）和 名称.xlsx（同一张表，可在 Excel
或 WPS 里修改，得分为公式）。--format png 生成页面图片 名称-1.png、名称-2.png……

用 -o 时，输出按输入的目录结构放到该文件夹下：render y2021/ y2022/ -o out
生成 out/y2021/… 和 out/y2022/…。会互相覆盖的输出（名称只差大小写、表单与
汇总表同名）在写任何文件之前就拒绝。

有错误的表单不生成任何文件；其他表单照常生成，最后列出所有问题以及读不了的
文件夹。每个文件先写到临时名称再改名，即使中途按 Ctrl-C 中断，也不会留下
写了一半的文件，已完成的文件保留。加 --draft 时，有错误但还能排版的表单也会
生成 名称.draft.pdf：每一页的上边距标有“草稿 — N 处问题”，有问题的格子用
红框标出；退出状态仍为 1，也不生成 XLSX。

一次处理多份表单时，还会生成 输出文件夹/汇总表.xlsx（名称由表格定义决定）：
每个年度一张表，每个单位一行，按总分排名（总分相同名次相同），重复出现的单位
会标出；另有一张“问题清单”，列出每份表单的每个问题，可直接发回各单位修改。

--changed 跳过表单、表格定义、字体和 jixiao 版本都没有变化的表单。用 -o 或
--changed 时，render 在输出旁的隐藏文件 .名称.jixiao 里记下这些信息。

不用 -o 时，输出放在输入文件旁边；从 名称.xlsx 读取的表单不覆盖原文件，只有用 -o 时才生成
它的 XLSX。除非给出 --date，输出不带生成日期，
同样的输入得到完全相同的文件。

退出状态：0 全部生成，1 有表单被拒绝，2 用法错误，130 被中断。

示例：
  jixiao render samples/ -o out/
  jixiao render 各单位/ -o 输出/ -j 8 --changed
  jixiao render 我的表.toml --template 我的表格.toml --format pdf`,
		previewHelp, `在本机开一个网页，按打印效果显示表单（数据文件，或按 jixiao import 的方式读取的
电子表格、Word 表单）的每一页，上方列出 jixiao check 发现的
问题，并可下载 PDF 和 XLSX。网页跟随文件变化：每次保存数据文件、表格定义
（--template）或其用到的字体文件，表单都会重新检查、排版和绘制，打开的网页
自动刷新。文件有错误时，网页保留上一次正确的结果，并在上方列出错误及其行号。

先显示网页地址，之后每次重建显示一行：用时以及发现的错误和警告。只监听
127.0.0.1（除非 --addr 另有指定，端口随机）；只有 --addr 才能让其他电脑访问：
用 --addr 0.0.0.0:端口 时会列出本机的各个地址，并提醒别人也能看到表单。
按 Ctrl-C 停止。

示例：
  jixiao preview 我的表.toml --open
  jixiao template 我的表格.toml
  jixiao preview 我的表.toml --template 我的表格.toml --addr 127.0.0.1:8080`,
		initHelp, `生成一份带说明的空白表，包含全部的键和官方的指标框架（产出、效益、满意度
及其二级指标），每个二级指标下有一项三级指标，照着复制填写其余的。由程序计算
的执行率、预算执行得分和总分不写在表里。不给文件名时输出到标准输出。已有的
文件不会被覆盖，除非加 --force。--form 名称 生成另一种内置表格（jixiao
template --list 列出全部）。

--from 去年的表.toml（或 .xlsx、.docx）从去年的表开始：单位、指标、指标值和分值不变，年度加一；
金额、实际完成值、得分和偏差原因留待填写。

示例：
  jixiao init 我的表.toml
  jixiao init -o 我的表.toml --force
  jixiao init --form 项目支出-2020 我的项目.toml
  jixiao init --from 2020年.toml 2021年.toml`,
		templateHelp, `加 --list 时，列出内置的表格：数据文件里 form = "名称" 所写的名称，以及表格
的标题；第一个是默认表格。

否则把内置表格“名称”（不给名称时为默认表格）的定义——栏目、合计关系、计分
规则、表格结构、纸张、字体、样式和列宽——写到文件（或标准输出）。修改这份
副本后，用 jixiao render --template 文件 使用，或用
jixiao preview --template 文件 边改边看。

示例：
  jixiao template --list
  jixiao template 我的表格.toml
  jixiao template -o 我的表格.toml
  jixiao template 项目支出-2020 项目表格.toml
  jixiao render 我的表.toml --template 我的表格.toml`,
		generateHelp, `在文件夹里生成 N 份虚构的表单：单位各不相同，金额能对上，15 到 45 项指标，
文字有长有短，每一份都能通过检查。只用于试验批量处理或测速度，不能上报。
同样的 --seed 生成同样的表单。

示例：
  jixiao generate 20 -o /tmp/forms && jixiao render /tmp/forms -o /tmp/out`,

		// Flags.
		"print problems and scores as JSON on stdout", "以 JSON 格式把问题和得分写到标准输出",
		"check every file against this template `FILE`, its form, scoring rules and fonts, instead of the built-in form it names", "按这份表格定义 `FILE` 的栏目、计分规则和字体检查每个文件，而不按文件所写的内置表格",
		"check every form and write only the summary (汇总表)", "检查每份表单，只生成汇总表",
		"comma-separated output `FORMATS`: pdf, xlsx, png", "输出格式 `FORMATS`，用逗号分隔：pdf、xlsx、png",
		"lay out with this template `FILE` (see 'jixiao template')", "按这份表格定义 `FILE` 排版（见 jixiao template）",
		"lay out with this template `FILE`, and watch it (see 'jixiao template')", "按这份表格定义 `FILE` 排版，并跟随它的修改（见 jixiao template）",
		"list every file written", "列出生成的每个文件",
		"list the built-in forms", "列出内置的表格",
		"listen on `HOST:PORT`; port 0 picks a free one", "监听地址 `HOST:PORT`；端口为 0 时自动选择空闲端口",
		"make forms of the built-in form `NAME` (default: 附件2 of 2020)", "生成内置表格 `NAME` 的表单（默认：2020 年的附件2）",
		"the built-in form `NAME` to write (default: 附件2 of 2020)", "要生成的内置表格 `NAME`（默认：2020 年的附件2）",
		"open the page in the web browser", "在浏览器中打开网页",
		"overwrite FILE if it exists", "文件已存在时覆盖",
		"print no progress", "不显示进度",
		"record a creation `DATE` in the PDF and XLSX: YYYY-MM-DD, RFC 3339, or now", "在 PDF 和 XLSX 中记录生成日期 `DATE`：YYYY-MM-DD、RFC 3339 时间或 now",
		"render `N` forms at a time", "同时处理 `N` 份表单",
		"resolution of --format png, in `DPI` (dots per inch)", "--format png 的分辨率 `DPI`（每英寸点数）",
		"resolution of the page images, in `DPI` (dots per inch)", "页面图片的分辨率 `DPI`（每英寸点数）",
		"skip forms whose outputs were made from the same form, template and version", "跳过表单、表格定义和版本都没变、已生成过的表单",
		"write outputs into `DIR` (created if needed) instead of beside each input", "把输出写到文件夹 `DIR`（不存在时创建），而不是放在各输入文件旁边",
		"write the forms into `DIR` (required)", "把表单写到文件夹 `DIR`（必填）",
		"write to `FILE` (the same as giving FILE)", "写到文件 `FILE`（与直接给出文件名相同）",
		"the `SEED` the forms are made from", "生成表单所用的种子 `SEED`",
		"write the data file to `FILE` instead of stdout", "把数据文件写到文件 `FILE`，而不是标准输出",
		"read the file as the built-in form `NAME` only (default: whichever its labels show)", "只按内置表格 `NAME` 读取（默认：按文件中的栏目名称判断）",
		"read the file as the form of this template `FILE`", "按这份表格定义 `FILE` 的表格读取",
		"write the data file even when some values cannot be read, leaving them out", "有些值读不出来时也写出数据文件，读不出的值空着",
		"overwrite -o FILE if it exists", "-o 指定的文件已存在时覆盖",
		"read a filled form from a spreadsheet or Word document into a data file", "把填好的电子表格或 Word 表单读成数据文件",
		importHelp, `读取一份填好的表单——XLSX 工作簿（jixiao 生成、在 Excel、WPS 或 LibreOffice 里修改过的，
或手工填写的官方空白表），或以 Word 表格形式保存表单的 DOCX 文档——写出对应的数据文件
（TOML），到标准输出或 -o 指定的文件，每个值后面注明它读自哪一格（# 年初预算数 — 附件2!D5）。

表单按标题和栏目名称识别，每个值按周围的栏目名称和写法读取（其中：一般公共预算：6341.72、
产出指标（50分）），而不是按固定的格子：增加了指标行、空着的行、删掉的行、被分页截断的
表格都能读。工作表公式算出的执行率、得分和总分留给程序计算；手工填写的，作为申报值。

读不出来的地方会在所在的格子指出（局.xlsx 附件2!C12 错误：……），并且不写任何文件；
加 --partial 时写出其余部分，读不出的值在注释中标明。有读不出的值时退出状态为 1。

check、render 和 preview 也按同样的方式读取 .xlsx 和 .docx 表单。

示例：
  jixiao import 局.xlsx -o 局.toml
  jixiao import 2019-项目.docx --form 项目支出-2020
  jixiao import 局.xlsx --partial -o 局.toml`,
		"jixiao import: %s\n", "jixiao import：%s\n",
		"%d value", "%d 个值",
		"%d values", "%d 个值",
		msgNotOffice, "不是 XLSX 或 DOCX 文件，请把表单另存为 .xlsx、.docx 或 .toml",
		msgEncrypted, "设有密码，或是旧的 .xls/.doc 格式：请去掉密码，另存为 .xlsx 或 .docx",
		msgZipNotOffice, "是压缩包，但不是 XLSX 工作簿或 DOCX 文档，请把表单另存为 .xlsx 或 .docx",
		msgTooLarge, "文件太大，不像一份表单：请确认选对了文件",
		msgTooManyRows, "行数太多，一份表单最多几百行：请确认选对了工作表",
		msgDamaged, "文件已损坏：请用 Excel、WPS 或 Word 打开后重新保存",
		msgNoTable, "文件里没有表格，而表单是一张表格：请确认选对了文件",
		msgOwnInput, "%s 没有生成：它就是正在读取的表单；要生成它的 XLSX，请用 -o 文件夹",
		msgImportStopped, "%s：有 %s读不出来，没有写出文件（加 --partial 写出其余部分）",
		msgNoForms, "这个文件夹里没有表单（.toml、.xlsx、.docx）",
		msgImportArgs, "请给出一个 .xlsx 或 .docx 文件，却给了 %d 个",
		msgImportNotOffice, "%s：应为 .xlsx 或 .docx 文件",
		msgFormOrTemplate, "--form 和 --template 只能给一个",
		msgExists, "%s 已经存在；要覆盖请加 --force",
		"write a form with errors as a draft, NAME.draft.pdf, every page marked 草稿 — N 处问题 and the cells with problems outlined", "把有错误的表单生成为草稿 名称.draft.pdf，每页标有“草稿 — N 处问题”，有问题的格子用红框标出",
		"start from last year's form `FILE`: keep the department, indicators, targets and weights; clear amounts, actual values, scores and deviations; the next year", "从去年的表 `FILE` 开始：保留单位、指标、指标值和分值，清空金额、实际完成值、得分和偏差原因，年度加一",
		"--from takes the form its file names; leave out --form", "--from 沿用去年文件所用的表格，不要再加 --form",

		// Usage errors.
		"jixiao: unknown command %q\nRun 'jixiao --help' for the commands.\n", "jixiao：没有 %q 这个命令\n运行 jixiao --help 查看全部命令。\n",
		"jixiao help: unknown command %q\n", "jixiao help：没有 %q 这个命令\n",
		"jixiao: --lang %q: expected zh or en\n", "jixiao：--lang %q：请用 zh 或 en\n",
		"jixiao %s: %s\nRun 'jixiao help %s' for its flags.\n", "jixiao %s：%s\n运行 jixiao help %s 查看它的选项。\n",
		"jixiao %s: %s\nRun 'jixiao help %s' for its usage.\n", "jixiao %s：%s\n运行 jixiao help %s 查看它的用法。\n",
		"flag provided but not defined: %s", "没有 %s 这个选项",
		"flag needs an argument: %s", "选项 %s 后面要跟一个值",
		"invalid boolean value %s for %s: %s", "%[2]s 的值 %[1]s 无效，应为 true 或 false",
		"invalid value %s for flag %s: %s", "选项 %[2]s 的值 %[1]s 无效：%[3]s",
		"bad flag syntax: %s", "选项写法不对：%s",
		"no files to check", "没有给出要检查的文件",
		"no files to render", "没有给出要生成的文件",
		"expected N and -o DIR", "请给出数量 N 和 -o 文件夹",
		"N = %q: expected a number from 1 to 1000000", "N = %q：请给出 1 到 1000000 之间的数",
		"--form %q is not a built-in form; 'jixiao template --list' shows them", "--form %q 不是内置表格；jixiao template --list 列出全部内置表格",
		"%q is not a built-in form; 'jixiao template --list' shows them", "%q 不是内置表格；jixiao template --list 列出全部内置表格",
		"%q is not a built-in form; expected %s (see jixiao template --list), or give --template FILE", "%q 不是内置表格；请填写 %s（见 jixiao template --list），或用 --template 指定表格定义文件",
		"--list takes no arguments", "--list 后面不跟参数",
		"expected one FILE, got %d", "只能给一个文件，却给了 %d 个",
		"--addr %q: expected HOST:PORT, e.g. 127.0.0.1:8080", "--addr %q：请写成 主机:端口，如 127.0.0.1:8080",
		"--dpi %g: expected %d to %d", "--dpi %g：请给出 %d 到 %d 之间的数",
		"%s is a folder; preview shows one form", "%s 是文件夹；preview 只能预览一份表单",
		"-j %d: expected 1 or more", "-j %d：至少为 1",
		"-o %s: not a folder; -o names the folder the outputs go into", "-o %s 不是文件夹；-o 指定存放输出的文件夹",
		"--format: unknown format %q; expected %s", "--format：没有 %q 这种格式，可用 %s",
		"--format: no format given", "--format：没有给出格式",
		"--date %q: expected YYYY-MM-DD, an RFC 3339 time, or now", "--date %q：请写成 YYYY-MM-DD、RFC 3339 时间或 now",

		// Files.
		"no such file or directory", "文件或文件夹不存在",
		"permission denied", "没有权限",
		"file exists", "已经存在",
		"is a folder", "是文件夹",
		"is a directory", "是文件夹",
		"not a directory", "不是文件夹",
		"no space left on device", "磁盘空间不足",
		"no stdin", "没有标准输入",
		"not a regular file (a device, FIFO or socket)", "不是普通文件（是设备、管道或套接字）",
		"%s is more than %d MB; a template is a few kilobytes", "%s 超过 %d MB；表格定义文件一般只有几 KB",
		"cannot read: %s", "读不了：%s",
		"cannot read this folder: %s", "读不了这个文件夹：%s",
		"cannot read the template: %s", "读不了表格定义：%s",
		"no .toml files in this folder", "这个文件夹里没有 .toml 表单",
		"template: %s", "表格定义：%s",
		"jixiao %s: %s exists; use --force to overwrite it\n", "jixiao %s：%s 已经存在；要覆盖请加 --force\n",
		"jixiao %s: %s\n", "jixiao %s：%s\n",
		"jixiao check: %s\n", "jixiao check：%s\n",
		"jixiao generate: %s\n", "jixiao generate：%s\n",
		"jixiao preview: %s\n", "jixiao preview：%s\n",
		"jixiao preview: %s: %s\n", "jixiao preview：%s：%s\n",
		"jixiao render: %s\n", "jixiao render：%s\n",
		"jixiao render: -o: %s\n", "jixiao render：-o：%s\n",

		// Progress and summaries.
		"wrote %s\n", "已生成 %s\n",
		"wrote %d forms into %s\n", "已在 %[2]s 生成 %[1]d 份表单\n",
		"%d error", "%d 处错误",
		"%d errors", "%d 处错误",
		"%d warning", "%d 处警告",
		"%d warnings", "%d 处警告",
		"%d file or folder", "%d 个文件或文件夹",
		"%d files or folders", "%d 个文件或文件夹",
		"  (%s, %s)", "（%s，%s）",
		"%s: not scored%s\n", "%s：未能计分%s\n",
		"%s: %s %d年度%s\n", "%s：%s %d年度%s\n",
		"%d files: %d without errors, %d with errors\n", "共 %d 份：%d 份没有错误，%d 份有错误\n",
		"%d forms checked, %d with errors; summary %s\n", "已检查 %d 份表单，%d 份有错误；汇总表 %s\n",
		"%d forms: %d rendered (%d files), %d up to date, %d refused; summary %s\n", "共 %d 份表单：生成 %d 份（%d 个文件），%d 份无变化，%d 份有错误未生成；汇总表 %s\n",
		"%d/%d files  %.1f files/s  %s left", "%d/%d 份  每秒 %.1f 份  还需 %s",
		"jixiao check: interrupted after %d of %d files\n", "jixiao check：已中断，检查了 %[2]d 份中的 %[1]d 份\n",
		"jixiao generate: interrupted after %d of %d forms\n", "jixiao generate：已中断，生成了 %[2]d 份中的 %[1]d 份\n",
		"jixiao render: interrupted after %d of %d forms; every file written is complete\n", "jixiao render：已中断，处理了 %[2]d 份中的 %[1]d 份；已生成的文件都是完整的\n",
		"jixiao render: %d of %d forms not rendered\n", "jixiao render：%[2]d 份表单中有 %[1]d 份因有错误未生成\n",
		"jixiao render: %d of %d forms have errors; %d written as drafts (NAME.draft.pdf)\n", "jixiao render：%[2]d 份表单中有 %[1]d 份有错误，其中 %[3]d 份生成了草稿（名称.draft.pdf）\n",
		"jixiao render: %s not read\n", "jixiao render：%s读不了\n",
		"jixiao preview: warning: --addr %s listens beyond this machine: anyone who can reach %s sees the form and can download it\n", "jixiao preview：警告：--addr %s 对其他电脑开放，能访问 %s 的人都能看到并下载这份表单\n",
	)
}
