# 应用程序的消息（简体中文）。
## 文件菜单

-brand-name = 雲端硬盤
    .gender = neuter
app-title = { -brand-name } 桌面版
open-file = 打開文件…
    .tooltip = 打開本地磁盤上的文件
    .accesskey = O
files-selected =
    { $count ->
        [0] 沒有選中文件
        [one] 選中了 { $count } 個文件
       *[other] 選中了 { NUMBER($count) } 個文件，共 { $size }
    }
default-printer = 默認打印機：{ $printer }
save-to = 保存到 <strong>{ $folder }</strong> &amp; 同步到 { -brand-name }
welcome = 歡迎，{ $user }！
    這是你第一次登錄，請先設置網絡。
software-update = 軟件更新：{ DATETIME($date, month: "long") } 發佈的新版本
literal = { "文件" } 和 { $file-name } 的信息
quoted = 點擊“確定”繼續，或者按‘取消’。
