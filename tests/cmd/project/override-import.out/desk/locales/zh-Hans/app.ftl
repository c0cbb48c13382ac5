# 应用程序的消息（简体中文）。
## 文件菜单

-brand-name = 云端硬盘
    .gender = neuter
app-title = { -brand-name } 桌面版
open-file = 打开文件…
    .tooltip = 打开本地磁盘上的文件
    .accesskey = O
files-selected =
    { $count ->
        [0] 没有选中文件
        [one] 选中了 { $count } 个文件
       *[other] 选中了 { NUMBER($count) } 个文件，共 { $size }
    }
default-printer = 默认打印机：{ $printer }
save-to = 保存到 <strong>{ $folder }</strong> &amp; 同步到 { -brand-name }
welcome = 欢迎，{ $user }！
    这是你第一次登录，请先设置网络。
software-update = 软件更新：{ DATETIME($date, month: "long") } 发布的新版本
literal = { "文件" } 和 { $file-name } 的信息
quoted = 点击“确定”继续，或者按‘取消’。
