# 应用程序的消息（简体中文）。
## 文件菜单

-brand-name = 雲端硬碟
    .gender = neuter
app-title = { -brand-name } 桌面版
open-file = 開啟檔案…
    .tooltip = 開啟本地磁碟上的檔案
    .accesskey = O
files-selected =
    { $count ->
        [0] 沒有選中檔案
        [one] 選中了 { $count } 個檔案
       *[other] 選中了 { NUMBER($count) } 個檔案，共 { $size }
    }
default-printer = 預設印表機：{ $printer }
save-to = 儲存到 <strong>{ $folder }</strong> &amp; 同步到 { -brand-name }
welcome = 歡迎，{ $user }！
    這是你第一次登入，請先設定網路。
software-update = 軟體更新：{ DATETIME($date, month: "long") } 釋出的新版本
literal = { "文件" } 和 { $file-name } 的資訊
quoted = 點選「確定」繼續，或者按『取消』。
