# Bulgarian: for the public pages (regiovisie action line 1: labour migrants). A missing key shows Dutch.

nav-skip-to-content = Към съдържанието
vt-phone-line = Veilig Thuis: { $number } (безплатно, денонощно)
