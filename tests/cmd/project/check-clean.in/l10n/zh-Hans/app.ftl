hello = 你好，{ $name }
bye = 再见
